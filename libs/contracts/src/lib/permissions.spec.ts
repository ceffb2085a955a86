import { ROLES } from './domain';
import { grantableRoles, hasPermission, Permission, PERMISSIONS } from './permissions';

describe('roles matrix', () => {
  it.each([
    ['agent', Permission.TicketsReadAll, false],
    ['senior_agent', Permission.TicketsReadAll, true],
    ['senior_agent', Permission.TeamManage, false],
    ['team_lead', Permission.TeamManage, true],
    ['team_lead', Permission.SlaManage, false],
    ['manager', Permission.SlaManage, true],
    ['manager', Permission.OpsRun, true],
    ['manager', Permission.AgentsAdmin, false],
    ['manager', Permission.TicketsDelete, false],
    ['admin', Permission.AgentsAdmin, true],
    ['admin', Permission.TicketsDelete, true],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(hasPermission(role, permission)).toBe(expected);
  });

  it('grants every role the basic ticket work', () => {
    for (const role of ROLES) {
      expect(hasPermission(role, Permission.TicketsWork)).toBe(true);
      expect(hasPermission(role, Permission.TicketsClaim)).toBe(true);
    }
  });

  it('is monotone: a higher role never loses a permission of a lower one', () => {
    for (let i = 1; i < ROLES.length; i++) {
      for (const p of PERMISSIONS) {
        if (hasPermission(ROLES[i - 1], p)) expect(hasPermission(ROLES[i], p)).toBe(true);
      }
    }
  });

  it('lets managers grant up to team_lead and admins anything', () => {
    expect(grantableRoles('manager')).toEqual(['agent', 'senior_agent', 'team_lead']);
    expect(grantableRoles('admin')).toEqual([...ROLES]);
    expect(grantableRoles('team_lead')).toEqual([]);
  });
});
