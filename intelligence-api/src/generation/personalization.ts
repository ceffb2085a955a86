import { formatPercent } from './compensation';
import type { DraftFacts } from './context';
import type { Personalization } from './writers/writer';

/**
 * Reads back from a finished draft which of the gathered context it actually uses. Used for
 * drafts whose wording was not composed here (the provider's, or one shortened after writing),
 * so the flags and chips describe the text the agent sees, not what was asked for.
 */
export function detectPersonalization(
  text: string,
  facts: DraftFacts,
): { personalization: Personalization; chips: string[] } {
  const chips: string[] = [];
  const order = facts.order;
  const usedOrder = !!order && new RegExp(`(^|\\D)${order.key}(\\D|$)`).test(text);
  if (usedOrder && order) chips.push(`Named order ${order.number}`);

  const t = order?.tracking ?? null;
  const mentionedTracking =
    !!t &&
    ((!!t.trackingNumber && text.includes(t.trackingNumber)) ||
      (!!t.carrier && new RegExp(`\\b${escapeRegExp(t.carrier)}\\b`, 'i').test(text)) ||
      /\b(tracking|in transit|out for delivery|delivered|scan(ned)?|trace)\b/i.test(text));
  if (mentionedTracking && t) chips.push(`Tracking: ${t.status?.replace(/_/g, ' ') ?? 'shipped'}`);

  const referencedPast =
    facts.pastTickets.length > 0 &&
    /\b(again|before|previous(ly)?|last time|once more|not the first time)\b/i.test(text);
  if (referencedPast) chips.push('Referenced previous ticket');

  const offersExpedited =
    /\b(expedited|express|priority shipping|overnight|upgraded? (it|your shipping))\b/i.test(text);
  const credit = /(\d{1,3}(?:\.\d+)?)\s?%[^.\n]{0,40}\b(credit|off|discount|voucher)\b/i.exec(text);

  const vip =
    facts.vip &&
    (/\b(valued|loyal|vip|appreciate your (loyalty|business)|priority)\b/i.test(text) ||
      offersExpedited ||
      !!credit);
  if (vip) chips.push('VIP tone');

  const churnSave =
    facts.atRisk &&
    (/\b(follow(ing)? up|make (this|it|things) right|goodwill|personally)\b/i.test(text) ||
      offersExpedited ||
      !!credit);
  if (churnSave) chips.push('Churn-save: proactive follow-up');
  if (offersExpedited && (facts.vip || facts.atRisk)) chips.push('Expedited shipping at no cost');
  if (credit) chips.push(`Offered ${formatPercent(Number(credit[1]))} goodwill credit`);

  return {
    personalization: {
      used_order_info: usedOrder,
      mentioned_tracking: mentionedTracking,
      referenced_past_issue: referencedPast,
      applied_vip_treatment: vip,
      applied_churn_save: churnSave,
    },
    chips,
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
