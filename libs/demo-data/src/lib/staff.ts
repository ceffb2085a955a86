import type { Intent } from '@quimbi/contracts';

import type { Agent, Team } from './types';

/** Shared sign-in password of every demo agent (demo environments only). */
export const DEMO_PASSWORD = 'Quimbi-Demo-2026!';
export const DEMO_ADMIN_EMAIL = 'admin@quimbi.dev';
export const DEMO_STAFF_DOMAIN = 'quimbi.dev';

export const TEAM_IDS = {
  tier1: 'team_tier1',
  escalations: 'team_escalations',
  billing: 'team_billing',
} as const;

export const DEMO_TEAMS: readonly Team[] = [
  {
    id: TEAM_IDS.tier1,
    name: 'Tier 1',
    description: 'Front line: order status, returns, product questions and account help.',
    leadAgentId: 'agt_03',
    focusIntents: [
      'order_status',
      'return',
      'shipping_address_change',
      'cancellation',
      'product_question',
      'account',
      'other',
    ],
  },
  {
    id: TEAM_IDS.escalations,
    name: 'Escalations',
    description: 'Carrier exceptions, damaged or wrong items, complaints and at-risk VIPs.',
    leadAgentId: 'agt_09',
    focusIntents: ['damaged_or_wrong_item', 'complaint'],
  },
  {
    id: TEAM_IDS.billing,
    name: 'Billing & Disputes',
    description: 'Refunds, payment problems, chargebacks and suspected fraud.',
    leadAgentId: 'agt_12',
    focusIntents: ['refund', 'payment', 'chargeback_or_fraud'],
  },
];

type AgentSeed = Omit<Agent, 'email' | 'department'> & { email?: string };

const SEEDS: AgentSeed[] = [
  { id: 'agt_01', name: 'Avery Admin', email: DEMO_ADMIN_EMAIL, role: 'admin', teamId: null, status: 'online', specializations: [], maxConcurrentTickets: 5 },
  { id: 'agt_02', name: 'Morgan Reyes', role: 'manager', teamId: null, status: 'online', specializations: ['complaint', 'chargeback_or_fraud'], maxConcurrentTickets: 8 },
  // Tier 1
  { id: 'agt_03', name: 'Priya Natarajan', role: 'team_lead', teamId: TEAM_IDS.tier1, status: 'online', specializations: ['order_status', 'return', 'complaint'], maxConcurrentTickets: 15 },
  { id: 'agt_04', name: 'Daniel Okafor', role: 'senior_agent', teamId: TEAM_IDS.tier1, status: 'online', specializations: ['order_status', 'shipping_address_change', 'cancellation'], maxConcurrentTickets: 25 },
  { id: 'agt_05', name: 'Sofia Marquez', role: 'agent', teamId: TEAM_IDS.tier1, status: 'online', specializations: ['order_status', 'return', 'product_question'], maxConcurrentTickets: 22 },
  { id: 'agt_06', name: "Liam O'Connor", role: 'agent', teamId: TEAM_IDS.tier1, status: 'away', specializations: ['account', 'product_question', 'other'], maxConcurrentTickets: 22 },
  { id: 'agt_07', name: 'Mei Chen', role: 'agent', teamId: TEAM_IDS.tier1, status: 'online', specializations: ['return', 'cancellation', 'order_status'], maxConcurrentTickets: 22 },
  { id: 'agt_08', name: 'Jordan Blake', role: 'agent', teamId: TEAM_IDS.tier1, status: 'offline', specializations: ['order_status', 'account'], maxConcurrentTickets: 20 },
  // Escalations
  { id: 'agt_09', name: 'Marcus Bennett', role: 'team_lead', teamId: TEAM_IDS.escalations, status: 'busy', specializations: ['complaint', 'damaged_or_wrong_item', 'chargeback_or_fraud'], maxConcurrentTickets: 15 },
  { id: 'agt_10', name: 'Hana Kowalski', role: 'senior_agent', teamId: TEAM_IDS.escalations, status: 'online', specializations: ['damaged_or_wrong_item', 'order_status', 'complaint'], maxConcurrentTickets: 22 },
  { id: 'agt_11', name: 'Tomás Rivera', role: 'agent', teamId: TEAM_IDS.escalations, status: 'away', specializations: ['damaged_or_wrong_item', 'return'], maxConcurrentTickets: 20 },
  // Billing & Disputes
  { id: 'agt_12', name: 'Grace Adeyemi', role: 'team_lead', teamId: TEAM_IDS.billing, status: 'online', specializations: ['chargeback_or_fraud', 'payment', 'refund'], maxConcurrentTickets: 15 },
  { id: 'agt_13', name: 'Ethan Park', role: 'senior_agent', teamId: TEAM_IDS.billing, status: 'offline', specializations: ['refund', 'payment'], maxConcurrentTickets: 22 },
  { id: 'agt_14', name: 'Nadia Haddad', role: 'agent', teamId: TEAM_IDS.billing, status: 'online', specializations: ['refund', 'payment', 'cancellation'], maxConcurrentTickets: 20 },
];

function staffEmail(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]+/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${local}@${DEMO_STAFF_DOMAIN}`;
}

function department(teamId: string | null): string {
  return DEMO_TEAMS.find((t) => t.id === teamId)?.name ?? 'Customer Experience';
}

export const DEMO_AGENTS: readonly Agent[] = SEEDS.map((s) => ({
  id: s.id,
  email: s.email ?? staffEmail(s.name),
  name: s.name,
  role: s.role,
  teamId: s.teamId,
  department: department(s.teamId),
  status: s.status,
  specializations: [...s.specializations] as Intent[],
  maxConcurrentTickets: s.maxConcurrentTickets,
}));

/** Fresh copies, so callers can mutate what they load without touching the module constants. */
export function demoStaff(): { teams: Team[]; agents: Agent[] } {
  return {
    teams: DEMO_TEAMS.map((t) => ({ ...t, focusIntents: [...t.focusIntents] })),
    agents: DEMO_AGENTS.map((a) => ({ ...a, specializations: [...a.specializations] })),
  };
}

/** Roles that work tickets themselves (admins and managers supervise). */
export const TICKET_HANDLING_ROLES = ['agent', 'senior_agent', 'team_lead'] as const;
