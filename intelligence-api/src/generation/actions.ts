import { formatPercent } from './compensation';
import { DraftFacts, formatDay, formatMoney, OrderFacts, ProfileFacts } from './context';

/**
 * Next-best actions, rule-based and deterministic: per intent and per state of the order
 * (stalled tracking → trace and expedited reship, damaged → replacement, chargeback threat →
 * billing escalation with documentation, VIP or high churn risk after a failure → goodwill credit
 * within policy …), each with its expected effect on keeping the customer.
 *
 * Figures come from the customer models:
 *   churn risk        = the profile's churn_risk, else 1 − P(alive), else a prior by risk level
 *                       (low 0.15, medium 0.45, high 0.75), else 0.25 when nothing is known;
 *   P(alive)          = the profile's p_alive, else 1 − churn risk;
 *   predicted LTV     = the profile's predicted (discounted) LTV, else the spend to date, else
 *                       the order's total, else 0;
 *   revenue_at_risk   = predicted LTV × churn risk (the same for every action of a ticket);
 *   retention_probability = P(alive) + uplift × (1 − P(alive)), bounded to 0..1, where uplift is
 *                       the share of the at-risk probability the action is expected to win back.
 * The uplifts below are stated priors for ranking and display, not fitted estimates.
 */

export const ACTION_UPLIFT = {
  escalate_billing: 0.2,
  secure_account: 0.15,
  escalate_lead: 0.2,
  replacement: 0.45,
  expedited_reship: 0.4,
  carrier_trace: 0.2,
  conditional_reship: 0.25,
  warehouse_push: 0.25,
  complete_refund: 0.3,
  refund_update: 0.15,
  cancel_refund: 0.2,
  return_label: 0.15,
  return_update: 0.1,
  address_update: 0.2,
  payment_check: 0.15,
  account_help: 0.1,
  answer: 0.1,
  tracking_update: 0.1,
  ask_order: 0.05,
  goodwill_credit: 0.25,
  follow_up: 0.15,
  senior_review: 0.2,
} as const;

export type ActionKey = keyof typeof ACTION_UPLIFT;

/** Mid-points of the churn-risk levels (low < 0.5 ≤ medium < 0.8 ≤ high). */
const LEVEL_PRIOR = { low: 0.25, medium: 0.65, high: 0.9 } as const;
export const UNKNOWN_CHURN_PRIOR = 0.25;

export interface CustomerFigures {
  churnRisk: number;
  pAlive: number;
  predictedLtv: number;
  revenueAtRisk: number;
  basis: 'models' | 'risk_level' | 'prior';
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

export function customerFigures(profile: ProfileFacts, order: OrderFacts | null): CustomerFigures {
  const fromModels = profile.churnRisk ?? (profile.pAlive !== null ? 1 - profile.pAlive : null);
  const churnRisk = clamp01(
    fromModels ?? (profile.churnLevel ? LEVEL_PRIOR[profile.churnLevel] : UNKNOWN_CHURN_PRIOR),
  );
  const pAlive = clamp01(profile.pAlive ?? 1 - churnRisk);
  const predictedLtv = Math.max(
    0,
    profile.predictedLtv ?? profile.lifetimeValue ?? order?.total ?? 0,
  );
  return {
    churnRisk,
    pAlive,
    predictedLtv,
    revenueAtRisk: round2(predictedLtv * churnRisk),
    basis: fromModels !== null ? 'models' : profile.churnLevel ? 'risk_level' : 'prior',
  };
}

export function retentionProbability(pAlive: number, uplift: number): number {
  return round2(clamp01(pAlive + clamp01(uplift) * (1 - pAlive)));
}

export interface RecommendedAction {
  action: string;
  priority: number;
  reasoning: string;
  estimated_impact: { retention_probability: number; revenue_at_risk: number };
}

export interface Recommendations {
  actions: RecommendedAction[];
  warnings: string[];
  talking_points: string[];
}

interface Candidate {
  key: ActionKey;
  action: string;
  reasoning: string;
  /** Lower goes first; ties keep the order the rules added them. */
  weight: number;
}

export const MAX_ACTIONS = 6;

function failureActions(f: DraftFacts, add: (c: Candidate) => void): void {
  const o = f.order;
  const failure = f.failure;
  if (!o || !failure) return;
  const t = o.tracking;
  const carrier = t?.carrier ?? 'the carrier';
  const expedited = f.compensation?.expedited ?? false;
  const tracking = t?.trackingNumber ? ` (tracking ${t.trackingNumber})` : '';
  switch (failure.kind) {
    case 'stalled_tracking':
    case 'overdue':
    case 'delivery_exception': {
      const why =
        failure.kind === 'stalled_tracking'
          ? `Tracking has not updated for ${t?.daysSinceUpdate} days`
          : failure.kind === 'overdue'
            ? `The parcel is ${t?.daysOverdue} days past its estimated delivery`
            : `${carrier} reported a delivery exception`;
      if (expedited) {
        add({
          key: 'expedited_reship',
          action: `Reship order ${o.number} now by expedited shipping at no cost`,
          reasoning: `${why}; ${f.vip ? 'a VIP' : 'a customer at high churn risk'} should not wait for the trace (within policy)`,
          weight: 1,
        });
      }
      add({
        key: 'carrier_trace',
        action: `Open a trace with ${carrier} for order ${o.number}${tracking}`,
        reasoning: `${why}; a trace finds the parcel or confirms it lost`,
        weight: expedited ? 2 : 1,
      });
      if (!expedited) {
        add({
          key: 'conditional_reship',
          action: `Reship order ${o.number} if there is no carrier scan within 24 hours`,
          reasoning: 'Sets a clear deadline instead of an open-ended wait',
          weight: 3,
        });
      }
      return;
    }
    case 'returned_to_sender':
      add({
        key: expedited ? 'expedited_reship' : 'conditional_reship',
        action: `Confirm the delivery address and reship order ${o.number}${expedited ? ' by expedited shipping at no cost' : ''}`,
        reasoning: `${carrier} is returning the parcel to the warehouse`,
        weight: 1,
      });
      return;
    case 'not_received':
      add({
        key: 'carrier_trace',
        action: `Open a lost-package claim with ${carrier} for order ${o.number}`,
        reasoning: 'Marked delivered, but the customer says it never arrived',
        weight: 1,
      });
      add({
        key: expedited ? 'expedited_reship' : 'replacement',
        action: `Send a replacement for order ${o.number}${expedited ? ' by expedited shipping at no cost' : ' once the claim is filed'}`,
        reasoning: expedited
          ? 'High-value or at-risk customer: solve it without waiting for the claim (within policy)'
          : 'Replaces a parcel lost after the delivery scan',
        weight: 2,
      });
      return;
    case 'not_shipped':
      add({
        key: 'warehouse_push',
        action: `Ask the warehouse to ship order ${o.number} today${expedited ? ' with a free upgrade to expedited shipping' : ''}`,
        reasoning: `Still unshipped ${o.daysSincePlaced} days after it was placed`,
        weight: 1,
      });
      return;
    case 'damaged':
    case 'wrong_item':
    case 'missing_item': {
      const what =
        failure.kind === 'damaged'
          ? 'the damaged item'
          : failure.kind === 'wrong_item'
            ? 'the wrong item'
            : 'the missing item';
      add({
        key: 'replacement',
        action: `Send a replacement for ${what} in order ${o.number}${expedited ? ' by expedited shipping at no cost, without asking for a return' : ' after a photo confirms it'}`,
        reasoning: expedited
          ? 'High-value or at-risk customer: solve it completely without extra steps (within policy)'
          : 'The store shipped something the customer cannot use',
        weight: 1,
      });
      return;
    }
    case 'refund_delayed': {
      const pending = o.refunds.find((r) => r.pending);
      add({
        key: 'complete_refund',
        action: `Escalate the pending refund${pending ? ` of ${pending.amountText}` : ''} on order ${o.number} to billing to complete it today`,
        reasoning: failure.description,
        weight: 1,
      });
      return;
    }
    case 'delivered_late':
      return;
  }
}

function intentActions(f: DraftFacts, add: (c: Candidate) => void): void {
  const o = f.order;
  if (
    !o &&
    [
      'order_status',
      'refund',
      'return',
      'cancellation',
      'damaged_or_wrong_item',
      'shipping_address_change',
    ].includes(f.intent)
  ) {
    add({
      key: 'ask_order',
      action: f.unmatchedOrderNumber
        ? `Ask the customer to confirm order ${f.unmatchedOrderNumber}; it is not on their account`
        : 'Ask for the order number; no matching order is on the account',
      reasoning: 'The reply needs the order before anything else can happen',
      weight: 1,
    });
    return;
  }
  const t = o?.tracking ?? null;
  switch (f.intent) {
    case 'order_status':
      if (o && !f.failure) {
        add({
          key: 'tracking_update',
          action: t
            ? `Share the tracking status of order ${o.number}: ${t.status?.replace(/_/g, ' ') ?? 'shipped'}${t.carrier ? ` with ${t.carrier}` : ''}${t.estimatedDelivery && !t.delivered ? `, estimated ${formatDay(t.estimatedDelivery, f.now)}` : ''}`
            : `Confirm order ${o.number} is being prepared and give the expected ship date`,
          reasoning: 'The customer asked where the order is; the answer is on file',
          weight: 2,
        });
      }
      return;
    case 'refund': {
      if (!o) return;
      const last = o.refunds.at(-1);
      const ret = o.returns.at(-1);
      if (last && !f.failure) {
        add({
          key: 'refund_update',
          action: last.pending
            ? `Confirm the refund of ${last.amountText} on order ${o.number} is processing and give the 5–10 business day timeline`
            : `Share the refund confirmation for order ${o.number}: ${last.amountText}${last.createdAt ? ` on ${formatDay(last.createdAt, f.now)}` : ''}`,
          reasoning: 'A refund already exists; the customer needs its status',
          weight: 2,
        });
      } else if (!last && ret?.status === 'received') {
        add({
          key: 'complete_refund',
          action: `Issue the refund for the returned items of order ${o.number}`,
          reasoning: 'The return was received but no refund has been issued',
          weight: 1,
        });
      } else if (!last && !o.shipped && !o.cancelled) {
        add({
          key: 'cancel_refund',
          action: `Cancel order ${o.number} before it ships and refund ${o.totalText}`,
          reasoning: 'Nothing has shipped, so a cancellation refunds in full at no cost',
          weight: 1,
        });
      } else if (!last) {
        add({
          key: 'return_label',
          action: `Send a return label for order ${o.number} and refund on the carrier's first scan`,
          reasoning: 'Delivered order: the refund follows the return',
          weight: 2,
        });
      }
      return;
    }
    case 'return':
      if (!o) return;
      add(
        o.returns.length > 0
          ? {
              key: 'return_update',
              action: `Update the customer on the return for order ${o.number} (${o.returns.at(-1)?.status})`,
              reasoning: 'A return is already open',
              weight: 2,
            }
          : {
              key: 'return_label',
              action: `Send a return label for order ${o.number}`,
              reasoning: 'The customer wants to return items; no return is open yet',
              weight: 2,
            },
      );
      return;
    case 'cancellation':
      if (!o || o.cancelled) return;
      add(
        !o.shipped
          ? {
              key: 'cancel_refund',
              action: `Cancel order ${o.number} before it ships and refund ${o.totalText}`,
              reasoning: 'Unshipped: the cancellation can still be made',
              weight: 1,
            }
          : {
              key: 'return_label',
              action: `Explain order ${o.number} has shipped; offer ${t?.delivered ? 'a return label' : `a carrier intercept with ${t?.carrier ?? 'the carrier'} or a return on arrival`}`,
              reasoning: 'Too late to cancel; a return gets the same result',
              weight: 2,
            },
      );
      return;
    case 'shipping_address_change':
      if (!o) return;
      add(
        !o.shipped
          ? {
              key: 'address_update',
              action: `Update the shipping address on order ${o.number} before it is fulfilled`,
              reasoning: 'Unshipped, so the change is still possible',
              weight: 1,
            }
          : {
              key: 'address_update',
              action: `Ask ${t?.carrier ?? 'the carrier'} to redirect order ${o.number} to the new address`,
              reasoning: 'Already shipped; only the carrier can change the destination',
              weight: 1,
            },
      );
      return;
    case 'payment':
      add({
        key: 'payment_check',
        action: o
          ? `Check the payment on order ${o.number} (${o.totalText}, ${o.financialStatus}) for a duplicate or failed charge and refund any duplicate`
          : 'Ask for the amount and date of the charge, then check it against the account',
        reasoning: 'Payment questions are resolved from the payment record',
        weight: 2,
      });
      return;
    case 'account':
      add({
        key: 'account_help',
        action: 'Send a secure account-access link and verify identity before any change',
        reasoning: 'Account changes need identity verification',
        weight: 2,
      });
      return;
    case 'product_question':
      add({
        key: 'answer',
        action:
          'Answer the product question with the product details; suggest an alternative if it does not fit',
        reasoning: 'A fast, specific answer turns the question into a sale',
        weight: 2,
      });
      return;
    case 'complaint':
      add({
        key: 'escalate_lead',
        action: 'Acknowledge the complaint and have a team lead review the case',
        reasoning: 'Complaints handled by a lead are resolved more completely',
        weight: 2,
      });
      return;
    case 'other':
      add({
        key: 'answer',
        action: 'Clarify the request and reply with concrete next steps',
        reasoning: 'The intent is unclear from the messages',
        weight: 3,
      });
      return;
    default:
      return;
  }
}

export function recommendActions(f: DraftFacts): Recommendations {
  const figures = customerFigures(f.profile, f.order);
  const candidates: Candidate[] = [];
  const add = (c: Candidate) => {
    if (!candidates.some((x) => x.action === c.action)) candidates.push(c);
  };
  const o = f.order;
  const t = o?.tracking ?? null;

  if (f.intent === 'chargeback_or_fraud' || f.signals.chargebackThreat) {
    add({
      key: 'escalate_billing',
      action: `Escalate to billing and document the case${o ? ` for order ${o.number}` : ''}: charge, delivery evidence and every message`,
      reasoning:
        'A chargeback costs the order value plus fees; billing needs the evidence before the bank asks',
      weight: 0,
    });
  }
  if (f.signals.unauthorized) {
    add({
      key: 'secure_account',
      action:
        "Secure the account: force a password reset and review the customer's recent orders for fraud",
      reasoning: 'The customer says they did not authorise the charge',
      weight: 1,
    });
  }
  if (f.signals.legalThreat) {
    add({
      key: 'escalate_lead',
      action: 'Escalate to a team lead before replying',
      reasoning: 'The customer mentions legal action',
      weight: 0,
    });
  }
  failureActions(f, add);
  intentActions(f, add);
  const comp = f.compensation;
  if (comp && comp.goodwillPercent > 0) {
    add({
      key: 'goodwill_credit',
      action: `Offer a ${formatPercent(comp.goodwillPercent)} goodwill credit${comp.goodwillText ? ` (${comp.goodwillText})` : ''} within policy`,
      reasoning: `${f.vip ? 'VIP' : 'High churn risk'} customer after a service failure (${f.failure?.description}); revenue at risk ${formatMoney(figures.revenueAtRisk, o?.currency ?? 'USD')}`,
      weight: 3,
    });
  }
  if (f.repeatTickets.length > 0) {
    add({
      key: 'senior_review',
      action: 'Flag the repeat issue to a senior agent for a root-cause fix',
      reasoning: `${f.repeatTickets.length} earlier ticket(s) about the same kind of issue`,
      weight: 3,
    });
  }
  if (f.atRisk && f.intent !== 'chargeback_or_fraud') {
    add({
      key: 'follow_up',
      action: 'Follow up within 48 hours to confirm it is resolved',
      reasoning: f.profile.highChurn
        ? `Churn risk ${Math.round(figures.churnRisk * 100)}%: a proactive check-in protects the relationship`
        : 'The customer says they may stop buying',
      weight: 4,
    });
  }
  if (candidates.length === 0) {
    add({
      key: 'answer',
      action: 'Answer the question and confirm the next step',
      reasoning: 'No risk signals on this ticket',
      weight: 5,
    });
  }

  const actions = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.weight - b.c.weight || a.i - b.i)
    .slice(0, MAX_ACTIONS)
    .map(({ c }, index) => ({
      action: c.action,
      priority: index + 1,
      reasoning: c.reasoning,
      estimated_impact: {
        retention_probability: retentionProbability(figures.pAlive, ACTION_UPLIFT[c.key]),
        revenue_at_risk: figures.revenueAtRisk,
      },
    }));

  const warnings: string[] = [];
  if (f.profile.highChurn)
    warnings.push(`Customer has high churn risk (${Math.round(figures.churnRisk * 100)}%)`);
  if (f.vip) {
    warnings.push(
      `VIP customer${f.profile.lifetimeValue !== null ? ` (lifetime value ${formatMoney(f.profile.lifetimeValue, o?.currency ?? 'USD')})` : ''}`,
    );
  }
  if (f.signals.chargebackThreat || f.intent === 'chargeback_or_fraud') {
    warnings.push('Chargeback risk: keep everything documented and promise nothing outside policy');
  }
  if (f.signals.legalThreat) warnings.push('Customer mentions legal action');
  if (f.signals.leavingThreat) warnings.push('Customer says they may stop buying');
  if (f.frustrated) warnings.push('Customer is frustrated');
  if (t?.stalled && o)
    warnings.push(`Tracking for order ${o.number} has not updated for ${t.daysSinceUpdate} days`);
  if (t?.overdue && o)
    warnings.push(`Order ${o.number} is ${t.daysOverdue} days past its estimated delivery`);
  if (t?.exception && o) warnings.push(`Delivery exception on order ${o.number}`);
  if (f.repeatTickets.length > 0)
    warnings.push(
      `Repeat contact: ${f.repeatTickets.length} earlier ticket(s) about the same issue`,
    );
  if (f.unmatchedOrderNumber)
    warnings.push(
      `Order ${f.unmatchedOrderNumber} mentioned by the customer is not on this account`,
    );

  const points: string[] = [];
  if (f.failure) points.push(`Apologise sincerely: ${f.failure.description}`);
  if (o && t) {
    const last = t.lastEventAt ?? t.shippedAt;
    points.push(
      `Tracking: ${t.status?.replace(/_/g, ' ') ?? 'shipped'}${t.carrier ? ` with ${t.carrier}` : ''}${last ? `, last update ${formatDay(last, f.now)}` : ''}${t.delivered && t.deliveredAt ? `, delivered ${formatDay(t.deliveredAt, f.now)}` : t.estimatedDelivery ? `, estimated ${formatDay(t.estimatedDelivery, f.now)}` : ''}`,
    );
  }
  for (const r of o?.refunds.slice(-1) ?? []) {
    points.push(
      `Refund: ${r.amountText} ${r.pending ? 'pending' : 'processed'}${r.createdAt ? ` ${formatDay(r.createdAt, f.now)}` : ''}`,
    );
  }
  if (f.vip)
    points.push(
      `Thank them for their loyalty${f.profile.totalOrders ? ` (${f.profile.totalOrders} orders)` : ''}`,
    );
  if (comp && comp.goodwillPercent > 0) {
    points.push(
      `Goodwill credit is within policy up to ${formatPercent(comp.goodwillPercent)}${comp.goodwillText ? ` (${comp.goodwillText})` : ''}`,
    );
  } else if (f.failure) {
    points.push('Policy allows no goodwill credit for this ticket: solve the problem itself');
  }
  if (f.repeatTickets.length > 0) points.push('Acknowledge this has happened before');
  if (f.signals.chargebackThreat || f.intent === 'chargeback_or_fraud') {
    points.push("Stay factual; don't admit fault or promise a refund before billing reviews it");
  }
  for (const g of f.profile.guidance.slice(0, 2)) points.push(g);
  points.push("Say exactly what happens next and when they'll hear back");

  return { actions, warnings, talking_points: points };
}
