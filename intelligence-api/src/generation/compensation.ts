import type { CompensationPolicy } from './generation.types';

/**
 * Compensation is offered only within policy. The configured default: a goodwill credit of up
 * to 10 % of the order concerned, and free expedited reshipping, for a VIP or a customer at high
 * churn risk who suffered a service failure; nothing otherwise. A request may narrow the policy
 * (lower the percentage, switch either offer off) but never widen it.
 */
export const DEFAULT_COMPENSATION_POLICY: Readonly<CompensationPolicy> = {
  allowGoodwillCredit: true,
  maxGoodwillPercent: 10,
  allowExpeditedShipping: true,
};

export interface PolicyOverride {
  max_goodwill_percent?: number | null;
  allow_goodwill_credit?: boolean | null;
  allow_expedited_shipping?: boolean | null;
}

export function narrowPolicy(
  base: Readonly<CompensationPolicy>,
  override?: PolicyOverride | null,
): CompensationPolicy {
  const requestedMax = override?.max_goodwill_percent;
  const maxGoodwillPercent =
    typeof requestedMax === 'number' && Number.isFinite(requestedMax)
      ? Math.max(0, Math.min(base.maxGoodwillPercent, requestedMax))
      : base.maxGoodwillPercent;
  return {
    allowGoodwillCredit:
      base.allowGoodwillCredit &&
      override?.allow_goodwill_credit !== false &&
      maxGoodwillPercent > 0,
    maxGoodwillPercent,
    allowExpeditedShipping:
      base.allowExpeditedShipping && override?.allow_expedited_shipping !== false,
  };
}

/** One-line statement of the policy for prompts and reasoning. */
export function describePolicy(policy: CompensationPolicy): string {
  const credit = policy.allowGoodwillCredit
    ? `a goodwill credit of at most ${formatPercent(policy.maxGoodwillPercent)} of the order`
    : 'no goodwill credit';
  const shipping = policy.allowExpeditedShipping
    ? 'free expedited reshipping'
    : 'no free expedited shipping';
  return `${credit} and ${shipping}, only for a VIP or a customer at high churn risk who suffered a service failure`;
}

export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

const COMPENSATION_WORDS =
  /\b(credit|discount|off|refund|voucher|coupon|compensation|store credit|gift card|rebate)\b/i;

/**
 * Percentages a draft offers as compensation above the policy's maximum (for example "100%
 * refund" or "20% off"). Used to hold a provider's draft to policy; percentages in other
 * contexts (a "100% cotton" shirt) are ignored.
 */
export function offersBeyondPolicy(text: string, policy: CompensationPolicy): string[] {
  const allowed = policy.allowGoodwillCredit ? policy.maxGoodwillPercent : 0;
  const found: string[] = [];
  for (const match of text.matchAll(/(\d{1,3}(?:\.\d+)?)\s?(%|percent\b)/gi)) {
    const value = Number(match[1]);
    const index = match.index ?? 0;
    const around = text.slice(Math.max(0, index - 40), index + match[0].length + 40);
    if (value > allowed && COMPENSATION_WORDS.test(around)) found.push(match[0]);
  }
  if (
    /\b(full|complete|total) refund\b/i.test(text) &&
    /\b(goodwill|compensat|for the (trouble|inconvenience))\b/i.test(text)
  ) {
    found.push('full refund as compensation');
  }
  if (/\bfree (of charge )?(order|item|product)s?\b|\bon the house\b/i.test(text))
    found.push('free goods');
  return found;
}
