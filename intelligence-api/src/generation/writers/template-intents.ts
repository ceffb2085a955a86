import type { Intent } from '@quimbi/contracts';

import { OrderFacts, TrackingFacts } from '../context';
import { Composer, days, quoted, Segment, sentence, Tag } from './template-segments';

/**
 * The core answer per intent for the built-in writer: what the customer asked, answered from the
 * order facts and naming the order. Rank-0 segments are kept in every channel and length.
 */

const FINANCIAL_LABELS: Record<string, string> = {
  paid: 'paid in full',
  partially_refunded: 'paid, with a partial refund',
  refunded: 'refunded',
  pending: 'pending',
  authorized: 'authorised but not yet charged',
  voided: 'voided',
};

function askForOrder(c: Composer): void {
  const unmatched = c.facts.unmatchedOrderNumber;
  if (unmatched) {
    c.add({
      text: `I couldn't find order ${unmatched} on your account. Could you double-check the number, or tell me the email address you ordered with?`,
      sms: `I couldn't find order ${unmatched} on your account. Could you double-check the number?`,
      rank: 0,
      block: 'facts',
    });
    return;
  }
  c.add({
    text: "I couldn't find a recent order on your account. Could you send me the order number so I can check it right away?",
    sms: 'Could you send me your order number so I can check it right away?',
    rank: 0,
    block: 'facts',
  });
}

/** Where the parcel is: status, carrier, tracking number, last update, ETA or how late it is. */
function trackingStory(c: Composer, o: OrderFacts, t: TrackingFacts, coreRank: 0 | 1 = 0): void {
  const carrier = t.carrier ?? 'the carrier';
  const withCarrier = t.carrier ? ` with ${t.carrier}` : '';
  const trackingNo = t.trackingNumber ? ` (tracking ${t.trackingNumber})` : '';
  const lastScan = t.lastEventAt ?? t.shippedAt;
  const detail = quoted(t.statusDetail);
  const tags: Tag[] = ['order', 'tracking'];
  if (t.delivered) {
    const core = c.add({
      text: `${sentence(carrier)} shows order ${o.number} as delivered on ${c.day(t.deliveredAt ?? t.lastEventAt)}.`,
      sms: `${sentence(carrier)} shows order ${o.number} delivered on ${c.day(t.deliveredAt ?? t.lastEventAt)}.`,
      rank: coreRank,
      block: 'facts',
      tags,
    });
    if (c.facts.signals.notReceived) {
      c.explain({
        text: `As it hasn't reached you, I've opened a claim with ${carrier} to find out what happened.`,
        sms: `I've opened a claim with ${carrier}.`,
        rank: 1,
        block: 'action',
        requires: core,
      });
    }
    return;
  }
  if (t.status === 'out_for_delivery') {
    c.add({
      text: `Good news: order ${o.number} is out for delivery${withCarrier} today${trackingNo}.`,
      phone: `Good news: order ${o.number} is out for delivery${withCarrier} today.`,
      sms: `Good news: order ${o.number} is out for delivery${withCarrier} today.`,
      rank: coreRank,
      block: 'facts',
      tags,
    });
    return;
  }
  if (t.exception) {
    const core = c.explain({
      text: `Order ${o.number} is held up by a delivery exception${withCarrier}${detail ? `: ${detail}` : ''}.`,
      sms: `Order ${o.number} is held up by a ${t.carrier ?? 'carrier'} delivery exception.`,
      rank: coreRank,
      block: 'facts',
      tags,
    });
    c.add({
      text: `I've contacted ${carrier} to get it moving again and will update you as soon as I hear back.`,
      sms: `I've contacted ${carrier} to fix it.`,
      rank: 1,
      block: 'action',
      requires: core,
    });
    return;
  }
  if (t.returnedToSender) {
    const core = c.explain({
      text: `${sentence(carrier)} is returning order ${o.number} to us${detail ? ` (${detail})` : ''}.`,
      sms: `${sentence(carrier)} is returning order ${o.number} to us.`,
      rank: coreRank,
      block: 'facts',
      tags,
    });
    c.add({
      text: "As soon as it's back we'll reship it, so please confirm your delivery address is correct.",
      sms: "Pls confirm your address & we'll reship.",
      rank: 1,
      block: 'action',
      requires: core,
    });
    return;
  }
  const moving =
    t.status === 'label_created'
      ? `has a shipping label, but ${carrier} hasn't collected it yet`
      : `is in transit${withCarrier}`;
  if (t.stalled && t.daysSinceUpdate !== null) {
    const core = c.explain({
      text: `Order ${o.number} ${moving}${trackingNo}, but there has been no tracking update for ${days(t.daysSinceUpdate)}${lastScan ? ` (last scan ${c.day(lastScan)}${detail ? `: ${detail}` : ''})` : ''}.`,
      phone: `Order ${o.number} ${moving}, but there has been no tracking update for ${days(t.daysSinceUpdate)}.`,
      sms: `Order ${o.number} ${t.carrier ? `(${t.carrier}) ` : ''}has had no tracking update for ${days(t.daysSinceUpdate)}.`,
      rank: coreRank,
      block: 'facts',
      tags,
    });
    c.add({
      text: `That's longer than it should be, so I've opened a trace with ${carrier} today.`,
      sms: `I've opened a trace.`,
      rank: 1,
      block: 'action',
      requires: core,
    });
    return;
  }
  if (t.overdue && t.estimatedDelivery) {
    const core = c.explain({
      text: `Order ${o.number} ${moving}${trackingNo}, but it was due by ${c.day(t.estimatedDelivery)}, so it's running ${days(t.daysOverdue)} late.`,
      phone: `Order ${o.number} ${moving}, but it was due by ${c.day(t.estimatedDelivery)}, so it's running ${days(t.daysOverdue)} late.`,
      sms: `Order ${o.number} ${t.carrier ? `(${t.carrier}) ` : ''}is ${days(t.daysOverdue)} late; it was due ${c.day(t.estimatedDelivery)}.`,
      rank: coreRank,
      block: 'facts',
      tags,
    });
    c.add({
      text: `I'm sorry for the delay; I've opened a trace with ${carrier} to get it to you.`,
      sms: `I've opened a trace.`,
      rank: 1,
      block: 'action',
      requires: core,
    });
    return;
  }
  c.add({
    text: `Order ${o.number} ${moving}${trackingNo}.`,
    phone: `Order ${o.number} ${moving}.`,
    sms: `Order ${o.number} ${moving}${t.estimatedDelivery ? `, ETA ${c.day(t.estimatedDelivery)}` : ''}.`,
    rank: coreRank,
    block: 'facts',
    tags,
  });
  if (lastScan) {
    c.add({
      text: `The latest update, on ${c.day(lastScan)}, reads ${detail ?? `"${t.statusLabel}"`}.`,
      rank: 2,
      block: 'facts',
      tags: ['tracking'],
    });
  }
  if (t.estimatedDelivery) {
    c.add({
      text: `It's estimated to arrive by ${c.day(t.estimatedDelivery)}.`,
      rank: 1,
      block: 'facts',
      tags: ['tracking'],
    });
  }
}

/** A one-sentence summary of an order, for intents where the order is context rather than the topic. */
function orderSummary(c: Composer, o: OrderFacts, rank: 0 | 1, named = true): void {
  const t = o.tracking;
  const state = o.cancelled
    ? 'was cancelled'
    : t
      ? t.delivered
        ? `was delivered on ${c.day(t.deliveredAt ?? t.lastEventAt)}`
        : `is ${t.statusLabel}${t.carrier ? ` with ${t.carrier}` : ''}`
      : "hasn't shipped yet";
  c.add({
    text: named
      ? `I can see order ${o.number} (${o.totalText}, placed ${c.day(o.placedAt)}) ${state}.`
      : `I can see it ${state}.`,
    sms: named ? `Order ${o.number} ${state}.` : `It ${state}.`,
    rank,
    block: 'facts',
    tags:
      t && !o.cancelled ? (named ? ['order', 'tracking'] : ['tracking']) : named ? ['order'] : [],
  });
}

function orderStatus(c: Composer): void {
  const o = c.order;
  if (!o) return askForOrder(c);
  if (o.cancelled) {
    const refund = o.refunds.at(-1);
    c.add({
      text: `Order ${o.number} was cancelled on ${c.day(o.cancelledAt)}${refund ? `, and ${refund.amountText} was ${refund.pending ? 'being refunded' : 'refunded'} to your original payment method` : ''}.`,
      sms: `Order ${o.number} was cancelled on ${c.day(o.cancelledAt)}${refund ? ` & ${refund.amountText} ${refund.pending ? 'is being' : 'was'} refunded` : ''}.`,
      rank: 0,
      block: 'facts',
      tags: ['order'],
    });
    return;
  }
  if (o.tracking) return trackingStory(c, o, o.tracking);
  const core = c.add({
    text: `Order ${o.number}, placed on ${c.day(o.placedAt)}, hasn't shipped yet; it's being prepared at our warehouse.`,
    sms: `Order ${o.number} hasn't shipped yet; it's being prepared at our warehouse.`,
    rank: 0,
    block: 'facts',
    tags: ['order'],
  });
  if (c.facts.failure?.kind === 'not_shipped') {
    c.explain({
      text: "That's taking longer than it should, so I've asked the warehouse to prioritise it today.",
      sms: "I've asked them to prioritise it.",
      rank: 1,
      block: 'action',
      requires: core,
    });
  }
}

function refund(c: Composer): void {
  const o = c.order;
  if (!o) return askForOrder(c);
  const last = o.refunds.at(-1);
  if (last) {
    if (last.pending) {
      const core = c.add({
        text: `A refund of ${last.amountText} for order ${o.number} is being processed${last.createdAt ? ` (issued ${c.day(last.createdAt)})` : ''}.`,
        sms: `Your ${last.amountText} refund for order ${o.number} is being processed.`,
        rank: 0,
        block: 'facts',
        tags: ['order'],
      });
      const delayed = c.facts.failure?.kind === 'refund_delayed';
      const next: Segment = {
        text: delayed
          ? "It's taking longer than it should, so I've escalated it to our billing team to complete it today."
          : 'Once it completes, it usually shows on your statement within 5–10 business days, depending on your bank.',
        sms: delayed ? "I've escalated it to billing." : 'Allow 5-10 business days.',
        rank: 1,
        block: 'action',
        requires: core,
      };
      if (delayed) c.explain(next);
      else c.add(next);
      return;
    }
    c.add({
      text: `We refunded ${last.amountText} for order ${o.number}${last.createdAt ? ` on ${c.day(last.createdAt)}` : ''}.`,
      sms: `We refunded ${last.amountText} for order ${o.number}${last.createdAt ? ` on ${c.day(last.createdAt)}` : ''}.`,
      rank: 0,
      block: 'facts',
      tags: ['order'],
    });
    c.add({
      text: 'Depending on your bank, it can take 5–10 business days to appear on your statement.',
      sms: 'It can take 5-10 business days to show.',
      rank: 1,
      block: 'action',
    });
    return;
  }
  const ret = o.returns.at(-1);
  if (ret && (ret.status === 'received' || ret.status === 'in_transit')) {
    c.add({
      text:
        ret.status === 'received'
          ? `We've received your return for order ${o.number}, and I'm processing your refund now.`
          : `Your return for order ${o.number} is on its way back to us, and we'll refund you as soon as it arrives.`,
      sms:
        ret.status === 'received'
          ? `We've got your return for order ${o.number}; I'm processing your refund now.`
          : `Your return for order ${o.number} is on its way; we'll refund you when it arrives.`,
      rank: 0,
      block: 'facts',
      tags: ['order'],
    });
    return;
  }
  if (!o.shipped && !o.cancelled) {
    c.add({
      text: `Order ${o.number} hasn't shipped yet, so I can cancel it and refund the full ${o.totalText} to your original payment method.`,
      sms: `Order ${o.number} hasn't shipped, so I can cancel it & refund the full ${o.totalText}.`,
      rank: 0,
      block: 'facts',
      tags: ['order'],
    });
    c.add({
      text: "Just confirm and I'll take care of it right away.",
      sms: 'Just confirm.',
      rank: 1,
      block: 'action',
    });
    return;
  }
  if (o.tracking && !o.tracking.delivered) {
    c.add({
      text: `Order ${o.number} is still on its way${o.tracking.carrier ? ` with ${o.tracking.carrier}` : ''}. Once it arrives, you can send it back and we'll refund you.`,
      sms: `Order ${o.number} is still on its way; once it arrives you can send it back for a refund.`,
      rank: 0,
      block: 'facts',
      tags: ['order', 'tracking'],
    });
    return;
  }
  c.add({
    text: `I can help with a refund for order ${o.number} (${o.totalText}).`,
    sms: `I can help with a refund for order ${o.number} (${o.totalText}).`,
    rank: 0,
    block: 'facts',
    tags: ['order'],
  });
  c.add({
    text: "I'll email you a return label; once the parcel is on its way back to us, we'll refund your original payment method.",
    sms: "I'll email a return label; we refund once it's on its way back.",
    rank: 1,
    block: 'action',
  });
}

const RETURN_STATES: Record<string, { text: string; sms: string }> = {
  requested: {
    text: 'We have your return request for order #N and will confirm it shortly.',
    sms: 'We have your return request for order #N.',
  },
  approved: {
    text: 'Your return for order #N is approved; please ship it back with the return label we sent.',
    sms: 'Your return for order #N is approved; use the label we sent.',
  },
  in_transit: {
    text: "Your return for order #N is on its way back to us, and we'll refund you as soon as it arrives.",
    sms: "Your return for order #N is on its way; we'll refund when it arrives.",
  },
  received: {
    text: "We've received your return for order #N, and your refund is being processed.",
    sms: "We've received your return for order #N; refund in progress.",
  },
  refunded: {
    text: 'Your return for order #N is complete and the refund has been issued.',
    sms: 'Your return for order #N is complete & refunded.',
  },
  rejected: {
    text: "Your return for order #N couldn't be accepted, but I'm happy to look at it again if you can tell me a bit more.",
    sms: "Your return for order #N wasn't accepted; tell me more & I'll review it.",
  },
};

function returnIntent(c: Composer): void {
  const o = c.order;
  if (!o) return askForOrder(c);
  const ret = o.returns.at(-1);
  const state = ret ? RETURN_STATES[ret.status] : undefined;
  if (state) {
    c.add({
      text: state.text.replace('#N', o.number),
      sms: state.sms.replace('#N', o.number),
      rank: 0,
      block: 'facts',
      tags: ['order'],
    });
    return;
  }
  if (o.tracking && !o.tracking.delivered && !o.cancelled) {
    c.add({
      text: `Order ${o.number} hasn't reached you yet (it's ${o.tracking.statusLabel}). Once it arrives, you're welcome to return it and I'll send you a return label.`,
      sms: `Order ${o.number} hasn't arrived yet; once it does, you can return it.`,
      rank: 0,
      block: 'facts',
      tags: ['order', 'tracking'],
    });
    return;
  }
  c.add({
    text: `You can return items from order ${o.number}.`,
    sms: `You can return items from order ${o.number}.`,
    rank: 0,
    block: 'facts',
    tags: ['order'],
  });
  c.add({
    text: "I'll email you a return label; once the parcel is on its way back, we'll process your refund.",
    sms: "I'll email you a return label.",
    rank: 1,
    block: 'action',
  });
}

function cancellation(c: Composer): void {
  const o = c.order;
  if (!o) return askForOrder(c);
  if (o.cancelled) {
    c.add({
      text: `Order ${o.number} is already cancelled${o.refunds.length > 0 ? `, and ${o.refunds.at(-1)?.amountText} has been refunded` : ''}.`,
      sms: `Order ${o.number} is already cancelled.`,
      rank: 0,
      block: 'facts',
      tags: ['order'],
    });
    return;
  }
  if (!o.shipped) {
    c.add({
      text: `Order ${o.number} hasn't shipped yet, so I'm cancelling it now and refunding the full ${o.totalText} to your original payment method.`,
      sms: `Order ${o.number} hasn't shipped, so I'm cancelling it & refunding the full ${o.totalText}.`,
      rank: 0,
      block: 'facts',
      tags: ['order'],
    });
    c.add({
      text: "You'll get a confirmation email as soon as it's done.",
      rank: 2,
      block: 'action',
    });
    return;
  }
  const t = o.tracking;
  const when = t?.delivered
    ? `was delivered on ${c.day(t.deliveredAt)}`
    : `already shipped${t?.carrier ? ` with ${t.carrier}` : ''}${t?.shippedAt ? ` on ${c.day(t.shippedAt)}` : ''}`;
  c.add({
    text: `Order ${o.number} ${when}, so I can no longer cancel it, but you can return it and we'll refund you.`,
    sms: `Order ${o.number} ${when}, so it can't be cancelled, but you can return it for a refund.`,
    rank: 0,
    block: 'facts',
    tags: t ? ['order', 'tracking'] : ['order'],
  });
}

function damaged(c: Composer): void {
  const o = c.order;
  const kind = c.facts.failure?.kind;
  const what =
    kind === 'wrong_item'
      ? 'the wrong item'
      : kind === 'missing_item'
        ? 'an item missing'
        : 'a damaged item';
  if (!o) {
    c.add({
      text: `I'm so sorry you received ${what}. Could you send me your order number so I can arrange a replacement right away?`,
      sms: `Sorry you got ${what}! Can you send your order number so I can send a replacement?`,
      rank: 0,
      block: 'facts',
    });
    return;
  }
  const opener =
    kind === 'wrong_item'
      ? `I'm sorry you received the wrong item in order ${o.number}.`
      : kind === 'missing_item'
        ? `I'm sorry an item was missing from order ${o.number}.`
        : `I'm so sorry that order ${o.number} arrived damaged.`;
  c.explain({
    text: opener,
    sms: opener.replace("I'm so sorry that", 'So sorry').replace("I'm sorry", 'Sorry'),
    rank: 0,
    block: 'facts',
    tags: ['order'],
  });
  const item = o.items.length === 1 ? ` ${o.items[0]}` : '';
  if (c.facts.compensation?.expedited) {
    c.add({
      text: `I'm sending a replacement${item ? ` for the${item}` : ''} right away by expedited shipping, at no cost to you.`,
      phone: "I'm sending a replacement right away by expedited shipping, at no cost to you.",
      sms: "I'm sending a replacement by express at no cost.",
      rank: 0,
      block: 'action',
      tags: ['expedited', ...c.offerTags()],
      chip: 'Expedited replacement at no cost',
    });
    return;
  }
  c.add({
    text: `Could you reply with a photo of ${kind === 'wrong_item' ? 'the item you received' : kind === 'missing_item' ? 'the packing slip' : 'the damage'}? I'll arrange a replacement as soon as I have it.`,
    sms: `Can you reply w/ a photo? I'll arrange a replacement right away.`,
    rank: 0,
    block: 'action',
  });
}

function payment(c: Composer): void {
  const o = c.order;
  if (!o) {
    c.add({
      text: 'I can look into this payment for you. Could you send me the order number, and the amount and date of the charge?',
      sms: 'Can you send the order number and the amount & date of the charge?',
      rank: 0,
      block: 'facts',
    });
    return;
  }
  const status = FINANCIAL_LABELS[o.financialStatus] ?? o.financialStatus.replace(/_/g, ' ');
  c.add({
    text: `I've checked order ${o.number}: the payment of ${o.totalText} shows as ${status}.`,
    sms: `Order ${o.number}: payment of ${o.totalText} shows as ${status}.`,
    rank: 0,
    block: 'facts',
    tags: ['order'],
  });
  c.add({
    text: "If you're seeing a different or a second charge, send me the amount and date and I'll get it corrected right away.",
    sms: "Seeing another charge? Send me the amount & date and I'll fix it.",
    rank: 1,
    block: 'action',
  });
}

function chargeback(c: Composer): void {
  const o = c.order;
  const ref = o ? ` for order ${o.number} (${o.totalText})` : '';
  if (c.facts.signals.unauthorized) {
    c.add({
      text: `I'm sorry to hear about a charge you didn't authorise${ref}.`,
      sms: `Sorry about the charge you didn't authorise${o ? ` (order ${o.number})` : ''}.`,
      rank: 0,
      block: 'facts',
      tags: o ? ['order'] : [],
    });
    c.add({
      text: "I've flagged it for our billing and security team, who will review it as a priority. To protect your account, please reset your password.",
      sms: "I've flagged it to billing & security; pls reset your password.",
      rank: 0,
      block: 'action',
    });
    return;
  }
  c.add({
    text: `I understand your concern about the charge${ref}.`,
    sms: `I understand your concern about the charge${o ? ` on order ${o.number}` : ''}.`,
    rank: 0,
    block: 'facts',
    tags: o ? ['order'] : [],
  });
  c.add({
    text: "I've escalated this to our billing team, who will review it as a priority. Sorting it out with us directly is usually the fastest way to resolve it.",
    sms: "I've escalated it to billing as a priority.",
    rank: 0,
    block: 'action',
  });
}

function addressChange(c: Composer): void {
  const o = c.order;
  if (!o) return askForOrder(c);
  const t = o.tracking;
  if (!o.shipped && !o.cancelled) {
    c.add({
      text: `Order ${o.number} hasn't shipped yet, so I can update the delivery address.`,
      sms: `Order ${o.number} hasn't shipped, so I can update the address.`,
      rank: 0,
      block: 'facts',
      tags: ['order'],
    });
    c.add({
      text: "Please reply with the full new address and I'll change it right away.",
      sms: 'Reply w/ the full new address.',
      rank: 0,
      block: 'action',
    });
    return;
  }
  if (t?.delivered) {
    c.add({
      text: `Order ${o.number} was already delivered on ${c.day(t.deliveredAt)}, so its address can't be changed, but I'm happy to update your address for future orders.`,
      sms: `Order ${o.number} was delivered ${c.day(t.deliveredAt)}; I can update your address for future orders.`,
      rank: 0,
      block: 'facts',
      tags: ['order', 'tracking'],
    });
    return;
  }
  c.add({
    text: `Order ${o.number} has already shipped${t?.carrier ? ` with ${t.carrier}` : ''}${t?.trackingNumber ? ` (tracking ${t.trackingNumber})` : ''}, so I'll ask ${t?.carrier ?? 'the carrier'} to redirect it to your new address.`,
    phone: `Order ${o.number} has already shipped, so I'll ask ${t?.carrier ?? 'the carrier'} to redirect it to your new address.`,
    sms: `Order ${o.number} already shipped; I'll ask ${t?.carrier ?? 'the carrier'} to redirect it.`,
    rank: 0,
    block: 'facts',
    tags: t ? ['order', 'tracking'] : ['order'],
  });
  c.add({
    text: "If they can't, we'll reship it as soon as it comes back to us.",
    sms: "If not, we'll reship.",
    rank: 1,
    block: 'action',
  });
}

function account(c: Composer): void {
  c.add({
    text: "I'm happy to help with your account. For your security, I'll send a secure link to the email address on file so you can make the change.",
    sms: "Happy to help! I'll send a secure link to the email on your account.",
    rank: 0,
    block: 'facts',
  });
  if (c.order) orderSummary(c, c.order, c.facts.orderSource === 'mentioned' ? 0 : 1);
}

function productQuestion(c: Composer): void {
  const item = c.order?.items[0];
  c.add({
    text: `Thanks for your question${item ? ` about the ${item}` : ''}. I'm checking the details with our product team and will get back to you shortly with a clear answer.`,
    sms: `Thanks for your question${item ? ` about the ${item}` : ''}! I'm checking and will reply shortly.`,
    rank: 0,
    block: 'facts',
  });
  if (c.order) orderSummary(c, c.order, 0);
}

function complaint(c: Composer): void {
  const o = c.order;
  c.add({
    text: `I'm sorry your experience${o ? ` with order ${o.number}` : ''} hasn't been what you expected.`,
    sms: `Sorry your experience${o ? ` with order ${o.number}` : ''} wasn't what you expected.`,
    rank: 0,
    block: 'facts',
    tags: o ? ['order'] : [],
  });
  if (
    o?.tracking &&
    c.facts.failure &&
    !['damaged', 'wrong_item', 'missing_item'].includes(c.facts.failure.kind)
  ) {
    trackingStory(c, o, o.tracking, 1);
  }
  c.add({
    text: "I've shared your feedback with our team lead, and I want to make this right.",
    sms: "I've shared this with our team lead.",
    rank: 0,
    block: 'action',
  });
}

function other(c: Composer): void {
  const o = c.order;
  c.add({
    text: `Thanks for getting in touch${o ? ` about order ${o.number}` : ''}. I'm looking into this now and will get back to you shortly.`,
    sms: `Thanks for your message${o ? ` about order ${o.number}` : ''}; I'm looking into it now.`,
    rank: 0,
    block: 'facts',
    tags: o ? ['order'] : [],
  });
  if (o) orderSummary(c, o, 1, false);
}

export const CORES: Record<Intent, (c: Composer) => void> = {
  order_status: orderStatus,
  refund,
  return: returnIntent,
  cancellation,
  damaged_or_wrong_item: damaged,
  payment,
  chargeback_or_fraud: chargeback,
  shipping_address_change: addressChange,
  account,
  product_question: productQuestion,
  complaint,
  other,
};
