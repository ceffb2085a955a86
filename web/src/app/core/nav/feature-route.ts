import type { Data, Route } from '@angular/router';

import type { Permission } from '@quimbi/contracts';

/** How a page appears in the side navigation. `key` gives the test id `nav-<key>`. */
export interface NavEntry {
  key: string;
  label: string;
  /** A Material Symbols ligature, e.g. `inbox`, `groups`. */
  icon: string;
}

/** Route data of a console page: the permission it needs and, optionally, its nav entry. */
export type FeatureRouteData = {
  permission: Permission;
  nav?: NavEntry;
};

/** A page of the console: one entry of the route table gives its route, guard and nav item. */
export type FeatureRoute = Route & { path: string; data: FeatureRouteData };

export interface NavItem extends NavEntry {
  /** Absolute link, e.g. `/inbox`. */
  path: string;
  permission: Permission;
}

export function requiredPermission(data: Data | undefined): Permission | null {
  const permission: unknown = data?.['permission'];
  return typeof permission === 'string' && permission.length > 0
    ? (permission as Permission)
    : null;
}

/** The nav items of the given route table that an agent holding `permissions` may open. */
export function navItemsFor(
  routes: readonly FeatureRoute[],
  permissions: readonly string[],
): NavItem[] {
  const held = new Set(permissions);
  return routes.flatMap((route) => {
    const nav = route.data.nav;
    const permission = route.data.permission;
    if (!nav || !held.has(permission)) return [];
    return [{ ...nav, path: `/${route.path}`, permission }];
  });
}
