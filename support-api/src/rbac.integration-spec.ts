import type { AddressInfo } from 'node:net';

import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';

import { hasPermission, Permission, Role, ROLES } from '@quimbi/contracts';

import { PERMISSION_KEY } from './common/authorize.decorator';
import { TicketEntity } from './database/entities';
import { createAgent, createCustomer, login, startTestApp, TestApp } from './testing/test-app';

type Declared = Permission | 'public';
type Caller = 'anonymous' | Role;

/** `GET /api/tickets/{id}` → the permission its handler declares, read from Nest's own metadata. */
function declaredPermissions(t: TestApp): Map<string, Declared | undefined> {
  const routes = new Map<string, Declared | undefined>();
  const join = (...parts: (string | undefined)[]) =>
    ('/' + parts.filter((p) => p && p !== '/').map((p) => (p as string).replace(/^\/+|\/+$/g, '')).join('/'))
      .replace(/\/+/g, '/')
      .replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const classPaths = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined].flat();
      const classPermission = Reflect.getMetadata(PERMISSION_KEY, controller) as Declared | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const declared = (Reflect.getMetadata(PERMISSION_KEY, handler) as Declared | undefined) ?? classPermission;
        const methodPaths = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined].flat();
        for (const base of classPaths) {
          for (const path of methodPaths) {
            routes.set(`${RequestMethod[method]} ${join(base, path)}`, declared);
          }
        }
      }
    }
  }
  return routes;
}

/** What the roles matrix says the caller must get: 401, 403, or anything but those. */
function expected(caller: Caller, declared: Declared): 401 | 403 | 'allowed' {
  if (declared === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  return hasPermission(caller, declared) ? 'allowed' : 403;
}

describe('RBAC matrix (every route × anonymous and every role, from the declarations)', () => {
  let t: TestApp;
  let base: string;
  const tokens = new Map<Role, string>();
  const emails = new Map<Role, string>();

  beforeAll(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000', RATE_LIMIT_AGENT_PER_MINUTE: '100000' },
    });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const role of ROLES) {
      const agent = await createAgent(t.db, { role });
      emails.set(role, agent.email);
      tokens.set(role, await login(t, agent.email));
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Status only; streams (server-sent events) are cut as soon as the headers arrive. */
  async function call(method: string, path: string, token?: string, body: unknown = {}): Promise<{ status: number; text: string }> {
    const res = await fetch(base + path, {
      method: method.toUpperCase(),
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(method === 'get' ? {} : { 'Content-Type': 'application/json' }),
      },
      body: method === 'get' ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, text: '' };
    }
    return { status: res.status, text: (await res.text()).slice(0, 200) };
  }

  it('answers every documented route as the roles matrix says, for anonymous and all five roles', async () => {
    const declarations = declaredPermissions(t);
    const table: { route: string; method: string; url: string; declared: Declared }[] = [];
    const undeclared: string[] = [];
    for (const [path, methods] of Object.entries(t.openapi.paths)) {
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        const declared = declarations.get(route);
        if (declared === undefined) {
          undeclared.push(route);
          continue;
        }
        // Ids that do not exist, so permitted writes end harmlessly in 404 or 400.
        table.push({ route, method, url: path.replace(/\{[^}]+\}/g, 'rbac-missing-id'), declared });
      }
    }
    // A route without @Authorize(...) or @Public() fails the matrix outright.
    expect(undeclared).toEqual([]);
    expect(table.length).toBeGreaterThanOrEqual(30);
    expect(table.map((r) => r.route)).toEqual(
      expect.arrayContaining(['GET /api/agents', 'POST /api/teams', 'PATCH /api/teams/{id}/members/{agentId}']),
    );

    const mismatches: string[] = [];
    const tally: Record<string, number> = { 401: 0, 403: 0, allowed: 0 };
    let checked = 0;
    for (const caller of ['anonymous', ...ROLES] as Caller[]) {
      for (const row of table) {
        const want = expected(caller, row.declared);
        if (row.declared === 'public') continue; // public routes guard themselves (signatures)
        const token = caller === 'anonymous' ? undefined : tokens.get(caller);
        const { status, text } = await call(row.method, row.url, token);
        checked += 1;
        tally[String(want)] += 1;
        const ok = want === 'allowed' ? status !== 401 && status !== 403 : status === want;
        if (!ok) mismatches.push(`${caller.padEnd(12)} ${row.route} (${row.declared}): got ${status}, want ${want} ${text}`);
        if (row.route === 'POST /api/agents/logout' && caller !== 'anonymous' && status === 204) {
          tokens.set(caller, await login(t, emails.get(caller) as string));
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(table.length * 5);
    expect(tally[401]).toBeGreaterThan(0);
    expect(tally[403]).toBeGreaterThan(0);
    expect(tally.allowed).toBeGreaterThan(0);
  });

  it('keeps agents to unassigned tickets and their own (404 for someone else’s)', async () => {
    const customer = await createCustomer(t.db);
    const me = await createAgent(t.db, { role: 'agent' });
    const other = await createAgent(t.db, { role: 'agent' });
    const repo = t.db.getRepository(TicketEntity);
    const [unassigned, mine, theirs] = await repo.save([
      repo.create({ customerId: customer.id, subject: 'unassigned', channel: 'email' }),
      repo.create({ customerId: customer.id, subject: 'mine', channel: 'email', assignedAgentId: me.id }),
      repo.create({ customerId: customer.id, subject: 'theirs', channel: 'email', assignedAgentId: other.id }),
    ]);
    const token = await login(t, me.email);
    const get = (id: string, suffix = '') => call('get', `/api/tickets/${id}${suffix}`, token);

    expect((await get(theirs.id)).status).toBe(404);
    expect((await get(theirs.id, '/messages')).status).toBe(404);
    expect((await call('patch', `/api/tickets/${theirs.id}`, token, { version: theirs.version, priority: 'high' })).status).toBe(404);
    expect((await call('post', `/api/tickets/${theirs.id}/messages`, token, { content: 'hello' })).status).toBe(404);

    expect((await get(unassigned.id)).status).toBe(200);
    expect((await get(mine.id)).status).toBe(200);
    const fresh = JSON.parse((await fetch(`${base}/api/tickets/${mine.id}`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.text())) || '{}') as { version?: number };
    const patched = await call('patch', `/api/tickets/${mine.id}`, token, { version: fresh.version ?? mine.version, priority: 'high' });
    expect(patched.status).toBe(200);

    const stored = await repo.findOneByOrFail({ id: theirs.id });
    expect(stored.priority).toBe(theirs.priority);
  });
});
