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
];
