import { Permission } from '@quimbi/contracts';

import type { FeatureRoute } from './core/nav/feature-route';

/**
 * The console's pages: one entry per page gives its lazy route, the permission it requires
 * (enforced by the permission guard on the shell) and its side-nav item (shown only to agents
 * holding that permission). A new page is one more entry, for example:
 *
 *   {
 *     path: 'team',
 *     title: 'Team',
 *     loadChildren: () => import('./pages/team/team.routes').then((m) => m.TEAM_ROUTES),
 *     data: { permission: Permission.TeamManage, nav: { key: 'team', label: 'Team', icon: 'groups' } },
 *   },
 *
 * Pages reached from other pages (e.g. a ticket) omit `nav`.
 */
export const FEATURE_ROUTES: FeatureRoute[] = [
  {
    path: 'inbox',
    title: 'Inbox',
    loadChildren: () => import('./pages/inbox/inbox.routes').then((m) => m.INBOX_ROUTES),
    data: {
      permission: Permission.TicketsReadOwn,
      nav: { key: 'inbox', label: 'Inbox', icon: 'inbox' },
    },
  },
  {
    path: 'tickets/:id',
    title: 'Ticket',
    loadChildren: () => import('./pages/ticket/ticket.routes').then((m) => m.TICKET_ROUTES),
    data: { permission: Permission.TicketsReadOwn },
  },
  {
    path: 'customers/:id',
    title: 'Customer',
    loadChildren: () => import('./pages/customer/customer.routes').then((m) => m.CUSTOMER_ROUTES),
    data: { permission: Permission.AiUse },
  },
  {
    path: 'admin/agents',
    title: 'Agents',
    loadChildren: () => import('./pages/admin/agents/agents.routes').then((m) => m.AGENTS_ROUTES),
    data: {
      permission: Permission.AgentsManage,
      nav: { key: 'admin-agents', label: 'Agents', icon: 'manage_accounts' },
    },
  },
  {
    path: 'admin/teams',
    title: 'Teams',
    loadChildren: () => import('./pages/admin/teams/teams.routes').then((m) => m.TEAMS_ROUTES),
    data: {
      permission: Permission.TeamManage,
      nav: { key: 'admin-teams', label: 'Teams', icon: 'groups' },
    },
  },
  {
    path: 'admin/sla',
    title: 'SLA settings',
    loadChildren: () => import('./pages/admin/sla/sla.routes').then((m) => m.SLA_ROUTES),
    data: {
      permission: Permission.SlaManage,
      nav: { key: 'admin-sla', label: 'SLA', icon: 'timer' },
    },
  },
  {
    path: 'admin/ops',
    title: 'Operations',
    loadChildren: () => import('./pages/admin/ops/ops.routes').then((m) => m.OPS_ROUTES),
    data: {
      permission: Permission.OpsRun,
      nav: { key: 'admin-ops', label: 'Operations', icon: 'monitor_heart' },
    },
  },
];
