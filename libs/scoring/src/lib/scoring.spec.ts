import {
  DEFAULT_WEIGHTS,
  difficultyClassOf,
  maxDynamicScore,
  scoreTicket,
  ScoreInput,
  storedScore,
  waitComponent,
} from './scoring';

const seedExample: ScoreInput = {
  // VIP customer, LTV $3,500, churn risk 0.8, urgent damaged-product refund, frustrated, 2 h old.
  churnRisk: 0.8,
  lifetimeValue: 3500,
  priority: 'urgent',
  difficulty: 'complex',
  sentiment: 0.15,
  hoursWaiting: 2,
  slaRisk: 'none',
  matchesTopicAlert: false,
};

describe('smart score', () => {
  it("reproduces every component of the seed's worked example", () => {
    const { components } = scoreTicket(seedExample);
    expect(components.churn_risk).toBe(2.4);
    expect(components.customer_value).toBe(7.0);
    expect(components.urgency).toBe(6.0);
    expect(components.difficulty).toBe(-1.5);
    expect(components.sentiment).toBe(2.0);
    expect(components.topic_alert).toBe(0);
    expect(components.sla).toBe(0);
    // Wait follows the logarithmic decision, not the seed's 1/hours: 1.5 × log10(3).
    expect(components.age).toBeCloseTo(0.72, 2);
  });

  it('sums the components into the total', () => {
    const { total, components } = scoreTicket(seedExample);
    const sum = Object.values(components).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(sum, 6);
    expect(total).toBeCloseTo(2.4 + 7 + 6 - 1.5 + 2 + 0.72, 2);
  });

  it.each([
    [0, 0],
    [1, 1.5 * Math.log10(2)],
    [24, 1.5 * Math.log10(25)],
    [99, 3],
    [10_000, 3],
    [-5, 0],
  ])('wait term after %d h is %d', (hours, expected) => {
    expect(waitComponent(hours)).toBeCloseTo(expected, 6);
  });

  it('ranks an older ticket above a fresh one, everything else equal', () => {
    const fresh = scoreTicket({ ...seedExample, hoursWaiting: 0.1 }).total;
    const old = scoreTicket({ ...seedExample, hoursWaiting: 48 }).total;
    expect(old).toBeGreaterThan(fresh);
  });

  it.each([
    ['urgent', 6],
    ['high', 4.5],
    ['normal', 1.5],
    ['low', 0.75],
  ] as const)('urgency of %s is %d', (priority, expected) => {
    expect(scoreTicket({ ...seedExample, priority }).components.urgency).toBe(expected);
  });

  it('caps customer value at the configured cap', () => {
    expect(scoreTicket({ ...seedExample, lifetimeValue: 50_000 }).components.customer_value).toBe(20);
    const w = { ...DEFAULT_WEIGHTS, valueCap: 5000 };
    expect(scoreTicket({ ...seedExample, lifetimeValue: 50_000 }, w).components.customer_value).toBe(10);
  });

  it.each([
    ['none', 0],
    ['warning', 2],
    ['breached', 4],
  ] as const)('SLA risk %s adds %d', (slaRisk, expected) => {
    expect(scoreTicket({ ...seedExample, slaRisk }).components.sla).toBe(expected);
  });

  it('boosts topic-alert matches by the configured boost', () => {
    expect(scoreTicket({ ...seedExample, matchesTopicAlert: true }).components.topic_alert).toBe(5);
    const w = { ...DEFAULT_WEIGHTS, topicAlertBoost: 8 };
    expect(scoreTicket({ ...seedExample, matchesTopicAlert: true }, w).components.topic_alert).toBe(8);
  });

  it('applies the sentiment boost strictly below the threshold', () => {
    expect(scoreTicket({ ...seedExample, sentiment: 0.3 }).components.sentiment).toBe(0);
    expect(scoreTicket({ ...seedExample, sentiment: 0.29 }).components.sentiment).toBe(2);
  });

  it('reads custom weights from the caller', () => {
    const w = { ...DEFAULT_WEIGHTS, churnWeight: 5, valueWeight: 1 };
    const { components } = scoreTicket(seedExample, w);
    expect(components.churn_risk).toBe(4);
    expect(components.customer_value).toBe(3.5);
  });

  it('stores exactly the clock-independent components', () => {
    const full = scoreTicket(seedExample);
    expect(storedScore(seedExample)).toBeCloseTo(full.total - full.components.age, 2);
  });

  it('bounds the dynamic part by wait cap, SLA breach and alert boost', () => {
    expect(maxDynamicScore()).toBe(12);
    expect(maxDynamicScore(DEFAULT_WEIGHTS, false)).toBe(7);
  });

  it('treats garbage numbers as zero rather than NaN', () => {
    const { total } = scoreTicket({ ...seedExample, churnRisk: Number.NaN, lifetimeValue: -1 });
    expect(Number.isFinite(total)).toBe(true);
  });

  it.each([
    [0, 'easy'],
    [0.29, 'easy'],
    [0.3, 'normal'],
    [0.59, 'normal'],
    [0.6, 'complex'],
    [1, 'complex'],
    [Number.NaN, 'normal'],
    [null, 'normal'],
  ] as const)('difficulty %s is %s', (d, expected) => {
    expect(difficultyClassOf(d)).toBe(expected);
  });
});
