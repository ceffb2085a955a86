import { ACTION_UPLIFT, customerFigures, recommendActions, retentionProbability } from './actions';
import { DEFAULT_COMPENSATION_POLICY, narrowPolicy } from './compensation';
import { buildDraftFacts } from './context';
import {
  context,
  DELIVERED_ORDER,
  message,
  NOW,
  order,
  REGULAR,
  VIP_AT_RISK,
} from './generation.fixtures';
import type { TicketContext } from './generation.types';

const recommend = (overrides: Partial<TicketContext> = {}) =>
  recommendActions(buildDraftFacts(context(overrides), NOW));

describe('next-best actions', () => {
  it('computes revenue at risk and retention from the model figures', () => {
    const f = buildDraftFacts(context({ profile: VIP_AT_RISK }), NOW);
    const figures = customerFigures(f.profile, f.order);
    // predicted LTV 975 × churn risk 0.8
    expect(figures).toMatchObject({
      churnRisk: 0.8,
      pAlive: 0.2,
      predictedLtv: 975,
      revenueAtRisk: 780,
      basis: 'models',
    });
    // P(alive) + uplift × (1 − P(alive))
    expect(retentionProbability(0.2, 0.4)).toBe(0.52);
    expect(retentionProbability(0.95, 1.5)).toBe(1);
    expect(retentionProbability(0, 0)).toBe(0);
  });

  it('falls back to a risk-level prior and then to a stated prior', () => {
    const level = buildDraftFacts(
      context({
        profile: {
          ...REGULAR,
          churnRisk: null,
          pAlive: null,
          churnRiskLevel: 'high',
          predictedLtv: null,
          lifetimeValue: 500,
        },
      }),
      NOW,
    );
    expect(customerFigures(level.profile, level.order)).toMatchObject({
      churnRisk: 0.9,
      revenueAtRisk: 450,
      basis: 'risk_level',
    });
    const unknown = buildDraftFacts(context({ profile: null }), NOW);
    expect(customerFigures(unknown.profile, unknown.order)).toMatchObject({
      churnRisk: 0.25,
      predictedLtv: 156.99,
      basis: 'prior',
    });
  });

  it('stalled tracking for a VIP at risk: expedited reship first, then trace, goodwill within policy, follow-up', () => {
    const r = recommend({
      profile: VIP_AT_RISK,
      ticket: {
        id: 't',
        number: 1,
        subject: 'Where is it',
        intent: 'order_status',
        sentiment: 0.2,
      },
    });
    expect(r.actions.map((a) => a.action)).toEqual([
      'Reship order #10234 now by expedited shipping at no cost',
      'Open a trace with UPS for order #10234 (tracking 1Z999AA10123456784)',
      'Offer a 10% goodwill credit ($15.70) within policy',
      'Follow up within 48 hours to confirm it is resolved',
    ]);
    expect(r.actions.map((a) => a.priority)).toEqual([1, 2, 3, 4]);
    expect(r.actions[0].estimated_impact).toEqual({
      retention_probability: retentionProbability(0.2, ACTION_UPLIFT.expedited_reship),
      revenue_at_risk: 780,
    });
    for (const a of r.actions) {
      expect(a.estimated_impact.retention_probability).toBeGreaterThanOrEqual(0);
      expect(a.estimated_impact.retention_probability).toBeLessThanOrEqual(1);
      expect(a.reasoning.length).toBeGreaterThan(10);
    }
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'Customer has high churn risk (80%)',
        'VIP customer (lifetime value $3,500.00)',
        'Tracking for order #10234 has not updated for 5 days',
        'Customer is frustrated',
      ]),
    );
    expect(r.talking_points).toEqual(
      expect.arrayContaining([
        'Apologise sincerely: no tracking update for 5 days on order #10234',
        'Goodwill credit is within policy up to 10% ($15.70)',
      ]),
    );
  });

  it('stalled tracking for a regular customer: trace, then reship after a deadline, no credit', () => {
    const r = recommend({
      profile: REGULAR,
      ticket: { id: 't', number: 1, subject: 'x', intent: 'order_status', sentiment: 0.5 },
    });
    expect(r.actions.map((a) => a.action)).toEqual([
      'Open a trace with UPS for order #10234 (tracking 1Z999AA10123456784)',
      'Reship order #10234 if there is no carrier scan within 24 hours',
    ]);
    expect(r.talking_points).toContain(
      'Policy allows no goodwill credit for this ticket: solve the problem itself',
    );
  });

  it('damaged item: replacement', () => {
    const r = recommend({
      orders: [DELIVERED_ORDER],
      messages: [message('Order #10199 arrived damaged')],
      ticket: { id: 't', number: 1, subject: 'Damaged', intent: null, sentiment: 0.4 },
    });
    expect(r.actions[0].action).toBe(
      'Send a replacement for the damaged item in order #10199 after a photo confirms it',
    );
  });

  it('chargeback threat: escalate to billing and document, no goodwill', () => {
    const r = recommend({
      profile: VIP_AT_RISK,
      messages: [message('Fix order #10234 or I will do a chargeback with my bank')],
      ticket: { id: 't', number: 1, subject: 'x', intent: 'order_status', sentiment: 0.1 },
    });
    expect(r.actions[0].action).toBe(
      'Escalate to billing and document the case for order #10234: charge, delivery evidence and every message',
    );
    expect(r.warnings).toContain(
      'Chargeback risk: keep everything documented and promise nothing outside policy',
    );
  });

  it('respects a narrowed policy', () => {
    const r = recommend({
      profile: VIP_AT_RISK,
      ticket: { id: 't', number: 1, subject: 'x', intent: 'order_status', sentiment: 0.5 },
      policy: narrowPolicy(DEFAULT_COMPENSATION_POLICY, {
        allow_goodwill_credit: false,
        allow_expedited_shipping: false,
      }),
    });
    expect(r.actions.map((a) => a.action).join('\n')).not.toMatch(/goodwill|expedited/);
  });

  it('cancellation of an unshipped order: cancel and refund', () => {
    const r = recommend({
      orders: [order({ fulfillment: null, fulfillmentStatus: 'unfulfilled', placedAt: NOW })],
      messages: [message('Please cancel #10234')],
      ticket: { id: 't', number: 1, subject: 'x', intent: null, sentiment: 0.5 },
    });
    expect(r.actions[0].action).toBe('Cancel order #10234 before it ships and refund $156.99');
  });

  it('is deterministic', () => {
    const a = recommend({ profile: VIP_AT_RISK });
    const b = recommend({ profile: VIP_AT_RISK });
    expect(a).toEqual(b);
  });
});
