import type {
  AgentProfile,
  LoginResponse,
  TicketListItem,
  TicketListResponse,
} from '@quimbi/contracts';

export function agentFixture(overrides: Partial<AgentProfile> = {}): AgentProfile {
  return {
    id: 'agent-1',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    role: 'agent',
    status: 'online',
    is_active: true,
    must_change_password: false,
    team_id: null,
    department: null,
    specializations: [],
    max_concurrent_tickets: 10,
    last_login_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    permissions: ['self', 'tickets:read-own', 'tickets:work', 'tickets:claim', 'ai:use'],
    ...overrides,
  };
}

export function loginResponseFixture(overrides: Partial<LoginResponse> = {}): LoginResponse {
  return {
    access_token: 'token-abc',
    token_type: 'bearer',
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    agent: agentFixture(),
    ...overrides,
  };
}

export function ticketFixture(overrides: Partial<TicketListItem> = {}): TicketListItem {
  return {
    id: 't-1',
    number: 1001,
    subject: 'Where is my order?',
    status: 'open',
    priority: 'high',
    channel: 'email',
    smart_score: 42.5,
    matches_topic_alert: false,
    customer_id: 'c-1',
    customer_name: 'Grace Hopper',
    customer_ltv: 1200,
    customer_churn_risk: 0.4,
    is_vip: false,
    assigned_agent_id: null,
    detected_intent: 'order_status',
    sentiment: 0.2,
    sla: null,
    created_at: new Date(Date.now() - 2 * 3600_000).toISOString(),
    updated_at: new Date().toISOString(),
    ...overrides,
  };
}

export function ticketListFixture(
  tickets: TicketListItem[],
  overrides: Partial<TicketListResponse> = {},
): TicketListResponse {
  return {
    tickets,
    pagination: {
      page: 1,
      limit: 50,
      total: tickets.length,
      has_next: false,
      has_prev: false,
    },
    topic_alerts_active: [],
    matches: 0,
    ...overrides,
  };
}
