/**
 * The behavioural axes, their named segments and what each segment means for a support
 * conversation. Pure data: thresholds that depend on the store's own figures (order value,
 * spend) are computed at refit time from the population and stored with the definitions.
 */

/** Axes computed from orders and support contacts; archetypes are built from these. */
export const BEHAVIOUR_AXES = [
  'purchase_value',
  'frequency',
  'recency',
  'price_sensitivity',
  'category_breadth',
  'return_rate',
  'tenure',
  'support_contact_rate',
] as const;
export type BehaviourAxis = (typeof BEHAVIOUR_AXES)[number];

/**
 * Churn risk is the serving count model's P(no purchase in the next CHURN_HORIZON_WEEKS | x, t_x, T):
 * half a year, the longest holdout the models are ranked on, so on long histories the ranked and
 * the served quantity are the same.
 */
export const CHURN_HORIZON_WEEKS = 26;
/** Churn risk levels: low < 0.5 ≤ medium < 0.8 ≤ high. */
export const CHURN_RISK_CUTS = [0.5, 0.8] as const;

/** Axes derived from the models and the spend ranking; reported, not used for archetypes. */
export const DERIVED_AXES = ['churn_risk', 'value_tier'] as const;
export type DerivedAxis = (typeof DERIVED_AXES)[number];

export const AXES = [...BEHAVIOUR_AXES, ...DERIVED_AXES] as const;
export type Axis = (typeof AXES)[number];

export interface SegmentSpec {
  id: string;
  /** Short label used in archetype names ("Deal Hunter"). */
  label: string;
  /** How the label reads in an archetype name: a describing word or a kind of customer. */
  kind?: 'adjective' | 'noun';
  /** False for a baseline segment that says nothing worth naming an archetype after. */
  archetypal?: boolean;
  description: string;
  /** What an agent should do differently for this segment. */
  guidance: string[];
}

export interface AxisSpec {
  axis: Axis;
  label: string;
  description: string;
  /** The measured value the segments are cut from, and its unit. */
  metric: string;
  unit: string;
  /** `quantile`: cuts are population quantiles (defaults when the population is small). */
  thresholdSource: 'fixed' | 'quantile';
  /** Ascending cut points between the banded segments (see `segments`). */
  defaultCuts: number[];
  /** For quantile axes: the quantile of each cut. */
  quantiles?: number[];
  /** Ordered from the low end of the metric to the high end. */
  segments: SegmentSpec[];
  /** Extra rules beyond the bands, stated for the stored definition. */
  rules?: string[];
}

export const MIN_POPULATION_FOR_QUANTILES = 50;
/**
 * Expected share of each segment in a typical store. Population shares are smoothed towards
 * these (as if this many customers had been seen already), so small stores get sensible
 * archetypes and rare traits stay distinctive.
 */
export const PRIOR_WEIGHT = 20;
export const PRIOR_SHARES: Record<Axis, Record<string, number>> = {
  purchase_value: { budget: 0.3, mid: 0.45, premium: 0.25 },
  frequency: { one_time: 0.3, occasional: 0.35, regular: 0.25, frequent: 0.1 },
  recency: { active: 0.3, cooling: 0.25, lapsed: 0.45 },
  price_sensitivity: { full_price: 0.6, occasional_discount: 0.25, deal_hunter: 0.15 },
  category_breadth: { single_category: 0.4, focused: 0.45, explorer: 0.15 },
  return_rate: { keeper: 0.6, occasional_returner: 0.3, serial_returner: 0.1 },
  tenure: { new: 0.15, established: 0.3, veteran: 0.55 },
  support_contact_rate: { self_sufficient: 0.85, normal: 0.12, high_touch: 0.03 },
  churn_risk: { low: 0.4, medium: 0.25, high: 0.35 },
  value_tier: { low_value: 0.4, medium_value: 0.4, high_value: 0.15, vip: 0.05 },
};
export const PROSPECT_ARCHETYPE_ID = 'arch_prospect';

export const AXIS_SPECS: Record<Axis, AxisSpec> = {
  purchase_value: {
    axis: 'purchase_value',
    label: 'Purchase value',
    description: 'How much the customer spends per order, relative to the store’s other customers.',
    metric: 'average order value (order totals before refunds)',
    unit: 'currency',
    thresholdSource: 'quantile',
    quantiles: [0.3, 0.75],
    defaultCuts: [50, 150],
    segments: [
      {
        id: 'budget',
        label: 'Budget',
        description: 'Small baskets: the lowest 30 % of average order values',
        guidance: ['Be clear about costs; mention free-shipping thresholds and lower-cost alternatives.'],
      },
      {
        id: 'mid',
        label: 'Mid-range',
        description: 'Typical baskets: between the 30th and 75th percentile of average order values',
        guidance: ['Focus on resolving the issue efficiently; a standard remedy is usually right.'],
      },
      {
        id: 'premium',
        label: 'Premium',
        description: 'Large baskets: the top 25 % of average order values',
        guidance: [
          'Lead with quality and service rather than price; offer exchanges or expedited replacements proactively.',
        ],
      },
    ],
  },
  frequency: {
    axis: 'frequency',
    label: 'Purchase frequency',
    description: 'How often the customer buys, annualised over the time since their first order.',
    metric: 'orders per year since the first order (at least half a year counted)',
    unit: 'orders/year',
    thresholdSource: 'fixed',
    defaultCuts: [3, 8],
    rules: ['one_time: exactly one order, whatever the rate'],
    segments: [
      {
        id: 'one_time',
        label: 'One-time Buyer',
        kind: 'noun',
        description: 'A single order so far',
        guidance: ['This may be their only experience of the store: make it count and invite them back.'],
      },
      {
        id: 'occasional',
        label: 'Occasional Buyer',
        kind: 'noun',
        description: 'Repeat buyer, fewer than 3 orders a year',
        guidance: ['Keep it simple and self-contained; do not assume they know the store’s policies.'],
      },
      {
        id: 'regular',
        label: 'Regular Buyer',
        kind: 'noun',
        description: 'Between 3 and 8 orders a year',
        guidance: ['Acknowledge them as a returning customer and reference their order history.'],
      },
      {
        id: 'frequent',
        label: 'Frequent Buyer',
        kind: 'noun',
        description: '8 or more orders a year',
        guidance: ['Recognise their loyalty explicitly; they know the store well, so skip the basics.'],
      },
    ],
  },
  recency: {
    axis: 'recency',
    label: 'Recency',
    description: 'Days since the last order, at the end of the observation window.',
    metric: 'days since the last order',
    unit: 'days',
    thresholdSource: 'fixed',
    defaultCuts: [60, 180],
    segments: [
      {
        id: 'active',
        label: 'Active',
        description: 'Ordered within the last 60 days',
        guidance: ['Their recent order is probably the topic: have its tracking and status ready.'],
      },
      {
        id: 'cooling',
        label: 'Cooling',
        description: 'Last order 60 to 180 days ago',
        guidance: ['Engagement is fading: a warm, personal reply matters more than usual.'],
      },
      {
        id: 'lapsed',
        label: 'Lapsed',
        description: 'No order for 180 days or more',
        guidance: ['They have not bought for a while: treat the contact as a chance to win them back.'],
      },
    ],
  },
  price_sensitivity: {
    axis: 'price_sensitivity',
    label: 'Price sensitivity',
    description: 'Share of orders placed with a discount.',
    metric: 'share of orders with a discount',
    unit: 'share',
    thresholdSource: 'fixed',
    defaultCuts: [0.15, 0.5],
    rules: ['deal_hunter needs at least two discounted orders; with one, occasional_discount (membership 0.5)'],
    segments: [
      {
        id: 'full_price',
        label: 'Full-price',
        description: 'Rarely or never uses a discount (under 15 % of orders)',
        guidance: ['Do not lead with coupons; value convenience and service over price.'],
      },
      {
        id: 'occasional_discount',
        label: 'Discount-aware',
        description: 'Uses discounts on 15 % to 50 % of orders',
        guidance: ['A small goodwill discount is appreciated but not expected.'],
      },
      {
        id: 'deal_hunter',
        label: 'Deal Hunter',
        kind: 'noun',
        description: 'Uses a discount on half of their orders or more',
        guidance: [
          'Price matters to them: mention current promotions and make any credit or discount explicit in amounts.',
        ],
      },
    ],
  },
  category_breadth: {
    axis: 'category_breadth',
    label: 'Category breadth',
    description: 'Number of product categories bought from.',
    metric: 'distinct product categories ordered',
    unit: 'categories',
    thresholdSource: 'fixed',
    defaultCuts: [1.5, 3.5],
    segments: [
      {
        id: 'single_category',
        label: 'Single-category',
        description: 'Buys from one category only',
        guidance: ['Stay on the product they know; avoid cross-selling.'],
      },
      {
        id: 'focused',
        label: 'Focused',
        description: 'Buys from two or three categories',
        guidance: ['Recommendations should stay close to the categories they already buy.'],
      },
      {
        id: 'explorer',
        label: 'Explorer',
        kind: 'noun',
        description: 'Buys from four or more categories',
        guidance: ['Open to suggestions: a relevant recommendation from another category is welcome.'],
      },
    ],
  },
  return_rate: {
    axis: 'return_rate',
    label: 'Return rate',
    description: 'Share of orders with at least one return (rejected returns excluded).',
    metric: 'share of orders with a return',
    unit: 'share',
    thresholdSource: 'fixed',
    defaultCuts: [0.3],
    rules: [
      'keeper: no return at all',
      'serial_returner needs at least two orders with returns; with one, occasional_returner (membership 0.5)',
    ],
    segments: [
      {
        id: 'keeper',
        label: 'No-return',
        description: 'Has never returned anything',
        guidance: ['A return request is unusual for them: take it seriously and make it easy.'],
      },
      {
        id: 'occasional_returner',
        label: 'Occasional Returner',
        kind: 'noun',
        description: 'Returns on fewer than 30 % of orders',
        guidance: ['Follow the standard return process and explain each step.'],
      },
      {
        id: 'serial_returner',
        label: 'Serial Returner',
        kind: 'noun',
        description: 'Returns on 30 % of orders or more',
        guidance: [
          'Stay friendly and follow the return policy precisely; suggest size or fit guidance to prevent the next return.',
        ],
      },
    ],
  },
  tenure: {
    axis: 'tenure',
    label: 'Tenure',
    description: 'Days since the first order (since account creation for customers without orders).',
    metric: 'days since the first order',
    unit: 'days',
    thresholdSource: 'fixed',
    defaultCuts: [90, 365],
    segments: [
      {
        id: 'new',
        label: 'New',
        description: 'First order less than 90 days ago',
        guidance: ['Still forming an opinion of the store: explain policies plainly and set clear expectations.'],
      },
      {
        id: 'established',
        label: 'Established',
        description: 'First order 90 days to a year ago',
        guidance: ['Knows the basics: be concise and specific.'],
      },
      {
        id: 'veteran',
        label: 'Long-standing',
        description: 'First order more than a year ago',
        guidance: ['A long relationship: thank them for staying with the store.'],
      },
    ],
  },
  support_contact_rate: {
    axis: 'support_contact_rate',
    label: 'Support contact rate',
    description: 'Support tickets in the last 90 days (as passed by the caller, else last known).',
    metric: 'support tickets in the last 90 days',
    unit: 'tickets',
    thresholdSource: 'fixed',
    defaultCuts: [0.5, 2.5],
    rules: ['unknown ticket count: self_sufficient with membership 0.5'],
    segments: [
      {
        id: 'self_sufficient',
        label: 'Self-sufficient',
        description: 'No support ticket in the last 90 days',
        guidance: ['They rarely reach out: this contact matters, so resolve it fully in one reply.'],
      },
      {
        id: 'normal',
        label: 'Normal-touch',
        archetypal: false,
        description: 'One or two tickets in the last 90 days',
        guidance: ['Reference their previous contact if it is related.'],
      },
      {
        id: 'high_touch',
        label: 'High-touch',
        description: 'Three or more tickets in the last 90 days',
        guidance: [
          'Repeated contacts: check the earlier tickets first, avoid asking for information again, and own the follow-up.',
        ],
      },
    ],
  },
  churn_risk: {
    axis: 'churn_risk',
    label: 'Churn risk',
    description: `Probability of no purchase in the next ${CHURN_HORIZON_WEEKS} weeks, from the serving purchase-count model.`,
    metric: `churn risk (P(no purchase in the next ${CHURN_HORIZON_WEEKS} weeks))`,
    unit: 'probability',
    thresholdSource: 'fixed',
    defaultCuts: [...CHURN_RISK_CUTS],
    segments: [
      {
        id: 'low',
        label: 'Low churn risk',
        description: `Churn risk below ${CHURN_RISK_CUTS[0]}: more likely than not to buy again within ${CHURN_HORIZON_WEEKS} weeks`,
        guidance: [],
      },
      {
        id: 'medium',
        label: 'Medium churn risk',
        description: `Churn risk from ${CHURN_RISK_CUTS[0]} to ${CHURN_RISK_CUTS[1]}`,
        guidance: ['Churn risk is rising: a personal touch and a quick resolution help keep them.'],
      },
      {
        id: 'high',
        label: 'High churn risk',
        description: `Churn risk of ${CHURN_RISK_CUTS[1]} or more: at most a 1 in 5 chance of another purchase within ${CHURN_HORIZON_WEEKS} weeks`,
        guidance: [
          'High churn risk: resolve on first contact and consider a goodwill gesture proportionate to their value.',
        ],
      },
    ],
  },
  value_tier: {
    axis: 'value_tier',
    label: 'Value tier',
    description: 'Historical net spend (after refunds), relative to the store’s other customers.',
    metric: 'historical net spend',
    unit: 'currency',
    thresholdSource: 'quantile',
    quantiles: [0.4, 0.8, 0.95],
    defaultCuts: [100, 500, 1500],
    segments: [
      { id: 'low_value', label: 'Low value', description: 'The lowest 40 % of net spend', guidance: [] },
      { id: 'medium_value', label: 'Medium value', description: 'Net spend between the 40th and 80th percentile', guidance: [] },
      { id: 'high_value', label: 'High value', description: 'Net spend between the 80th and 95th percentile', guidance: [] },
      {
        id: 'vip',
        label: 'VIP',
        description: 'The top 5 % of net spend',
        guidance: ['One of the store’s most valuable customers: prioritise and escalate early if needed.'],
      },
    ],
  },
};

/** Every segment id is unique across axes, so an archetype id names its segments unambiguously. */
export const SEGMENT_AXIS: ReadonlyMap<string, Axis> = new Map(
  AXES.flatMap((axis) => AXIS_SPECS[axis].segments.map((s) => [s.id, axis] as const)),
);

export function segmentSpec(axis: Axis, segment: string): SegmentSpec | undefined {
  return AXIS_SPECS[axis].segments.find((s) => s.id === segment);
}
