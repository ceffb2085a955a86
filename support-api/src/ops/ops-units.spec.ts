import type { Request } from 'express';

import { JobName } from '@quimbi/contracts';
import { DomainError } from '@quimbi/server-kit';

import type { AuthAgent } from '../common/authorize.decorator';
import type { AppConfig } from '../config/app-config';
import { ALL_PATHS, routeLabel } from './metrics/http-metrics.middleware';
import { metricsTokenFrom, tokensMatch } from './metrics/metrics-token';
import { payloadFor } from './ops.service';

const config = {} as AppConfig;
const agent = { id: 'agent-1' } as AuthAgent;

describe('metrics token', () => {
  it('is disabled when unset and read from the configuration otherwise', () => {
    expect(metricsTokenFrom(config)).toBeNull();
    expect(metricsTokenFrom({ metricsToken: 'c'.repeat(20) } as AppConfig)).toBe('c'.repeat(20));
  });

  it('compares tokens of any length', () => {
    expect(tokensMatch('a'.repeat(20), 'a'.repeat(20))).toBe(true);
    expect(tokensMatch('a'.repeat(19), 'a'.repeat(20))).toBe(false);
    expect(tokensMatch('', 'a'.repeat(20))).toBe(false);
  });
});

describe('route label', () => {
  const req = (patch: Record<string, unknown>) =>
    ({ baseUrl: '', url: '/x', originalUrl: '/x', ...patch }) as unknown as Request;

  it('uses the route pattern, never the raw URL', () => {
    expect(
      routeLabel(req({ route: { path: '/api/tickets/:id' }, originalUrl: '/api/tickets/42' })),
    ).toBe('/api/tickets/:id');
    expect(routeLabel(req({ route: { path: `/${ALL_PATHS}` }, originalUrl: '/nope/42' }))).toBe(
      'unmatched',
    );
    expect(routeLabel(req({ originalUrl: '/ops/queues/api/queues?x=1' }))).toBe('/ops/queues');
    expect(routeLabel(req({ originalUrl: '/assets/app.js' }))).toBe('unmatched');
  });
});

describe('run payloads', () => {
  it('builds each job payload from the request', () => {
    expect(payloadFor(JobName.SlaCheck, {}, agent)).toEqual({ requestedBy: 'agent-1' });
    expect(payloadFor(JobName.TicketRescore, { ticket_id: 't-1' }, agent)).toEqual({
      ticketId: 't-1',
      reason: 'ticket_changed',
    });
    expect(payloadFor(JobName.TeamsAutoAssign, {}, agent)).toEqual({});
    expect(payloadFor(JobName.CustomerFiguresRefresh, { customer_ids: ['c'] }, agent)).toEqual({
      customerIds: ['c'],
    });
  });

  it('refuses a rescore without a ticket and jobs this API does not run', () => {
    expect(() => payloadFor(JobName.TicketRescore, {}, agent)).toThrow(DomainError);
    expect(() => payloadFor(JobName.ModelsRefit, {}, agent)).toThrow(/not run by this API/);
  });
});
