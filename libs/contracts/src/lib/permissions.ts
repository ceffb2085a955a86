import { Role, ROLES } from './domain';

/**
 * Every capability a route can require. Routes declare exactly one; a global guard denies any
 * route that declares none (public routes say so explicitly).
 */
export const Permission = {
  /** Own profile, status, password, logout. */
  Self: 'self',
  /** See unassigned tickets and one's own. */
  TicketsReadOwn: 'tickets:read-own',
  /** See every ticket. */
  TicketsReadAll: 'tickets:read-all',
  /** Reply, change status, pause SLA on tickets one can see; create tickets. */
  TicketsWork: 'tickets:work',
  /** Take an unassigned ticket. */
  TicketsClaim: 'tickets:claim',
  /** Assign or reassign any ticket, bulk reassign. */
  TicketsAssign: 'tickets:assign',
  /** Delete tickets (soft, audited). */
  TicketsDelete: 'tickets:delete',
  /** AI drafts, recommendations and customer intelligence for tickets one can see. */
  AiUse: 'ai:use',
  /** List agents and teams (needed to assign). */
  AgentsRead: 'agents:read',
  /** Manage one's team: members' status, capacity, membership. */
  TeamManage: 'team:manage',
  /** Create agents, set roles up to team_lead. */
  AgentsManage: 'agents:manage',
  /** Grant or revoke manager and admin, delete agents. */
  AgentsAdmin: 'agents:admin',
  /** Edit SLA policies and business hours. */
  SlaManage: 'sla:manage',
  /** Read every analytics view. */
  AnalyticsRead: 'analytics:read',
  /** Run jobs by hand, see queue dashboards. */
  OpsRun: 'ops:run',
  /** Read the whole audit log. */
  AuditRead: 'audit:read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS = Object.values(Permission) as Permission[];

const P = Permission;
const AGENT: Permission[] = [P.Self, P.TicketsReadOwn, P.TicketsWork, P.TicketsClaim, P.AiUse];
const SENIOR: Permission[] = [...AGENT, P.TicketsReadAll, P.TicketsAssign, P.AgentsRead];
const LEAD: Permission[] = [...SENIOR, P.TeamManage];
const MANAGER: Permission[] = [...LEAD, P.SlaManage, P.AnalyticsRead, P.AgentsManage, P.OpsRun];
const ADMIN: Permission[] = [...MANAGER, P.AgentsAdmin, P.TicketsDelete, P.AuditRead];

/** The roles matrix of the product, as data. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  agent: new Set(AGENT),
  senior_agent: new Set(SENIOR),
  team_lead: new Set(LEAD),
  manager: new Set(MANAGER),
  admin: new Set(ADMIN),
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}

/** Roles ordered from least to most privileged. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Roles a caller may grant or revoke: managers up to team_lead, admins any. */
export function grantableRoles(callerRole: Role): Role[] {
  if (hasPermission(callerRole, Permission.AgentsAdmin)) return [...ROLES];
  if (hasPermission(callerRole, Permission.AgentsManage)) {
    return ROLES.filter((r) => roleRank(r) <= roleRank('team_lead'));
  }
  return [];
}
