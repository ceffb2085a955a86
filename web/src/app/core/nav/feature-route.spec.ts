import { Component } from '@angular/core';
import { FEATURE_ROUTES } from '../../feature.routes';
import { FeatureRoute, navItemsFor, requiredPermission } from './feature-route';

@Component({ selector: 'app-dummy', template: '' })
class Dummy {}

/** A table as it will look once more pages exist. */
const TABLE: FeatureRoute[] = [
  {
    path: 'inbox',
    component: Dummy,
    data: { permission: 'tickets:read-own', nav: { key: 'inbox', label: 'Inbox', icon: 'inbox' } },
  },
  { path: 'tickets/:id', component: Dummy, data: { permission: 'tickets:read-own' } },
  {
    path: 'team',
    component: Dummy,
    data: { permission: 'team:manage', nav: { key: 'team', label: 'Team', icon: 'groups' } },
  },
  {
    path: 'sla',
    component: Dummy,
    data: { permission: 'sla:manage', nav: { key: 'sla', label: 'SLA', icon: 'timer' } },
  },
  {
    path: 'audit',
    component: Dummy,
    data: { permission: 'audit:read', nav: { key: 'audit', label: 'Audit', icon: 'policy' } },
  },
];

describe('navItemsFor', () => {
  it('shows an agent only the pages their permissions open', () => {
    const keys = navItemsFor(TABLE, ['self', 'tickets:read-own']).map((i) => i.key);
    expect(keys).toEqual(['inbox']);
  });

  it('adds pages as permissions grow, in table order', () => {
    const manager = ['tickets:read-own', 'team:manage', 'sla:manage'];
    expect(navItemsFor(TABLE, manager).map((i) => i.key)).toEqual(['inbox', 'team', 'sla']);
    const admin = [...manager, 'audit:read'];
    expect(navItemsFor(TABLE, admin).map((i) => i.key)).toEqual(['inbox', 'team', 'sla', 'audit']);
  });

  it('never lists routes without a nav entry and builds absolute links', () => {
    const items = navItemsFor(TABLE, ['tickets:read-own']);
    expect(items).toEqual([
      {
        key: 'inbox',
        label: 'Inbox',
        icon: 'inbox',
        path: '/inbox',
        permission: 'tickets:read-own',
      },
    ]);
  });

  it('shows nothing to an agent without permissions', () => {
    expect(navItemsFor(TABLE, [])).toEqual([]);
  });

  it('the real table offers the inbox to every agent and only to holders of tickets:read-own', () => {
    expect(navItemsFor(FEATURE_ROUTES, ['tickets:read-own']).map((i) => i.key)).toEqual(['inbox']);
    expect(navItemsFor(FEATURE_ROUTES, ['self'])).toEqual([]);
  });

  it('reads the required permission from route data', () => {
    expect(requiredPermission({ permission: 'ops:run' })).toBe('ops:run');
    expect(requiredPermission({})).toBeNull();
    expect(requiredPermission(undefined)).toBeNull();
  });
});
