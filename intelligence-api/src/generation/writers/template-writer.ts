import { Injectable } from '@nestjs/common';

import type { Channel, Intent, Tone } from '@quimbi/contracts';

import { CHANNEL_RULES, DEFAULT_SIGNATURE, measure, targetSize } from '../channel-rules';
import { formatPercent } from '../compensation';
import { DraftFacts, formatDay, ServiceFailureKind } from '../context';
import { CORES } from './template-intents';
import { Block, Composer, days, ISSUE_LABELS, Segment, sentence } from './template-segments';
import type { DraftSpec, DraftWriter, Personalization, WrittenDraft } from './writer';

/**
 * The built-in writer: composes a draft from the gathered facts without any provider. The draft
 * is a list of segments (greeting, the intent's core answer naming the order, tracking details,
 * next step, offers within policy, follow-up, closing), each with a rank; rank 0 is always kept
 * and the rest are added by rank while the text stays within the length's target, so the
 * channel's hard limit holds by construction. Personalization flags and chips come from the
 * segments that made it into the text.
 */

/** The tone used when the caller sets none: apologetic or empathetic after a failure, else by channel. */
export function chooseTone(requested: Tone | null, channel: Channel, facts: DraftFacts): Tone {
  if (requested) return requested;
  if (facts.failure || facts.intent === 'complaint') {
    return facts.frustrated || facts.vip || facts.atRisk ? 'apologetic' : 'empathetic';
  }
  if (facts.frustrated) return 'empathetic';
  if (channel === 'sms') return 'concise';
  if (channel === 'chat' || channel === 'phone') return 'friendly';
  return 'professional';
}

// ---------- tone, offers, frame ----------

function opener(c: Composer, tone: Tone): void {
  const failure = !!c.facts.failure || c.facts.intent === 'complaint';
  const lines: Record<Tone, string | null> = {
    professional: 'Thank you for contacting us.',
    friendly: 'Thanks so much for reaching out!',
    empathetic: failure
      ? 'I completely understand how frustrating this is.'
      : 'I understand how important this is to you.',
    apologetic: failure
      ? "I'm really sorry for the trouble you've had."
      : "I'm sorry for any trouble.",
    concise: null,
  };
  const text = lines[tone];
  if (text)
    c.add({ text, rank: tone === 'apologetic' || tone === 'empathetic' ? 1 : 3, block: 'intro' });
  if (c.facts.vip) {
    c.add({
      text: 'As one of our most valued customers, you have my full attention on this.',
      // The spoken greeting already thanks a VIP for their loyalty.
      phone: '',
      rank: 2,
      block: 'intro',
      tags: ['vip'],
      chip: 'VIP tone',
    });
  }
  if (c.facts.repeatTickets.length > 0) {
    c.add({
      text: `I know this isn't the first time you've contacted us about ${ISSUE_LABELS[c.facts.intent]}, and I'm sorry you're dealing with it again.`,
      sms: 'Sorry this has happened again.',
      rank: 2,
      block: 'intro',
      tags: ['past_issue'],
      chip: 'Referenced previous ticket',
    });
  }
}

const SHIPPING_OFFER: Partial<Record<string, { text: string; sms: string; chip: string }>> = {
  stalled_tracking: {
    text: "If it hasn't moved within 24 hours, I'll send a replacement by expedited shipping at no cost to you.",
    sms: "If no scan in 24h, we'll reship by express free.",
    chip: 'Expedited reship if no scan in 24h',
  },
  overdue: {
    text: "If it hasn't arrived within 2 days, I'll send a replacement by expedited shipping at no cost to you.",
    sms: "If it's not there in 2 days, we'll reship by express free.",
    chip: 'Expedited reship if still late',
  },
  delivery_exception: {
    text: "If the carrier can't resolve it quickly, I'll send a replacement by expedited shipping at no cost to you.",
    sms: "If it's not fixed fast, we'll reship by express free.",
    chip: 'Expedited reship offered',
  },
  returned_to_sender: {
    text: "I'll reship it by expedited shipping at no cost to you as soon as you confirm the address.",
    sms: "We'll reship by express free.",
    chip: 'Expedited reship at no cost',
  },
  not_received: {
    text: 'I can also send a replacement right away by expedited shipping, at no cost to you.',
    sms: 'I can reship by express at no cost.',
    chip: 'Expedited replacement offered',
  },
  not_shipped: {
    text: "I've upgraded it to expedited shipping at no cost to you.",
    sms: 'Upgraded to express shipping, free.',
    chip: 'Free upgrade to expedited shipping',
  },
};

/** Tells the customer about a failure the intent's answer did not cover (a stalled parcel on a refund question). */
function failureNote(c: Composer): void {
  const failure = c.facts.failure;
  const o = c.order;
  if (!failure || !o || c.failureSegment) return;
  const t = o.tracking;
  const carrier = t?.carrier ?? 'the carrier';
  const notes: Record<ServiceFailureKind, { text: string; sms: string }> = {
    stalled_tracking: {
      text: `I also checked the tracking: there has been no update from ${carrier} for ${days(t?.daysSinceUpdate ?? 0)}, so I've opened a trace.`,
      sms: `No tracking update in ${days(t?.daysSinceUpdate ?? 0)}, so I've opened a trace.`,
    },
    overdue: {
      text: `I can also see it's running ${days(t?.daysOverdue ?? 0)} late, so I've opened a trace with ${carrier}.`,
      sms: `It's ${days(t?.daysOverdue ?? 0)} late; I've opened a trace.`,
    },
    delivery_exception: {
      text: `I can also see ${carrier} reported a delivery exception, and I've contacted them to get it moving.`,
      sms: `${sentence(carrier)} reported a delivery exception; I've contacted them.`,
    },
    returned_to_sender: {
      text: `I can also see ${carrier} is returning the parcel to us.`,
      sms: `${sentence(carrier)} is returning it to us.`,
    },
    not_received: {
      text: `I'm sorry it hasn't reached you; I've opened a claim with ${carrier}.`,
      sms: `I've opened a claim with ${carrier}.`,
    },
    not_shipped: {
      text: "I can also see it hasn't shipped yet, which is longer than it should take, so I've asked the warehouse to prioritise it.",
      sms: "It hasn't shipped yet; I've asked the warehouse to prioritise it.",
    },
    refund_delayed: {
      text: "I can also see your refund is still pending, so I've escalated it to our billing team.",
      sms: "I've escalated your pending refund.",
    },
    delivered_late: {
      text: "I'm sorry it arrived later than promised.",
      sms: 'Sorry it arrived late.',
    },
    damaged: {
      text: "I'm sorry the item arrived damaged; I'll arrange a replacement right away.",
      sms: "I'll replace the damaged item.",
    },
    wrong_item: {
      text: "I'm sorry you received the wrong item; I'll arrange the right one right away.",
      sms: "I'll send the right item.",
    },
    missing_item: {
      text: "I'm sorry an item was missing; I'll send it right away.",
      sms: "I'll send the missing item.",
    },
  };
  c.explain({ ...notes[failure.kind], rank: 1, block: 'facts', tags: t ? ['tracking'] : [] });
}

/** Customers asking for their money back are not offered a reshipment. */
const NO_RESHIP_OFFER: ReadonlySet<Intent> = new Set<Intent>(['refund', 'return', 'cancellation']);

function offers(c: Composer): void {
  const comp = c.facts.compensation;
  const failure = c.facts.failure;
  const explained = c.failureSegment ?? undefined;
  if (!comp || !failure || !explained) return followUp(c);
  if (comp.expedited && !NO_RESHIP_OFFER.has(c.facts.intent)) {
    const offer = SHIPPING_OFFER[failure.kind];
    if (offer)
      c.add({
        ...offer,
        rank: 2,
        block: 'action',
        tags: ['expedited', ...c.offerTags()],
        requires: explained,
      });
  }
  if (comp.goodwillPercent > 0) {
    const pct = formatPercent(comp.goodwillPercent);
    const amount = comp.goodwillText ? ` (${comp.goodwillText})` : '';
    c.add({
      text: `I've also added a ${pct} goodwill credit${amount} to your account for the trouble.`,
      sms: `I've added a ${pct} credit${amount} for the trouble.`,
      rank: 2,
      block: 'action',
      tags: ['goodwill', ...c.offerTags()],
      chip: `Offered ${pct} goodwill credit`,
      requires: explained,
    });
  }
  followUp(c);
}

function followUp(c: Composer): void {
  if (c.facts.atRisk && c.facts.intent !== 'chargeback_or_fraud') {
    const by = formatDay(new Date(c.facts.now.getTime() + 2 * 86_400_000), c.facts.now);
    c.add({
      text: `I'll personally follow up by ${by} to make sure everything is sorted.`,
      sms: `I'll follow up by ${by}.`,
      rank: 2,
      block: 'action',
      tags: ['churn_save'],
      chip: 'Churn-save: proactive follow-up',
    });
  }
}

function closing(c: Composer, tone: Tone): void {
  const lines: Record<Tone, string> = {
    professional: "Please let me know if there's anything else I can help with.",
    friendly: 'Anything else I can help with? Just reply here.',
    empathetic: "I'm here if you need anything else.",
    apologetic: 'Thank you for your patience, and sorry again for the inconvenience.',
    concise: 'Let me know if you have any questions.',
  };
  c.add({
    text: lines[tone],
    phone: 'Is there anything else I can help you with today?',
    sms: 'Reply here with any questions.',
    rank: 3,
    block: 'close',
  });
}

// ---------- rendering ----------

function wording(s: Segment, channel: Channel): string | undefined {
  const w = channel === 'sms' ? s.sms : channel === 'phone' ? (s.phone ?? s.text) : s.text;
  return w === '' ? undefined : w;
}

function render(chosen: Segment[], facts: DraftFacts, channel: Channel): string {
  const first = facts.firstName;
  if (channel === 'sms') {
    return [`Hi${first ? ` ${first}` : ''}!`, ...chosen.map((s) => wording(s, channel))].join(' ');
  }
  const blocks: Record<Block, string[]> = { intro: [], facts: [], action: [], close: [] };
  for (const s of chosen) {
    const w = wording(s, channel);
    if (w) blocks[s.block].push(w);
  }
  if (channel === 'phone') {
    const greeting = `Thanks for calling${first ? `, ${first}` : ''}${facts.vip ? ', and thank you for being such a loyal customer' : ''}.`;
    return [greeting, ...blocks.intro, ...blocks.facts, ...blocks.action, ...blocks.close].join(
      ' ',
    );
  }
  const paragraphs = [[...blocks.intro, ...blocks.facts], blocks.action, blocks.close]
    .filter((p) => p.length > 0)
    .map((p) => p.join(' '));
  if (CHANNEL_RULES[channel].framed) {
    const signOff = facts.vip ? 'Warm regards,' : 'Best regards,';
    return [
      `Hi${first ? ` ${first}` : ' there'},`,
      ...paragraphs,
      `${signOff}\n${DEFAULT_SIGNATURE}`,
    ].join('\n\n');
  }
  // chat
  return [
    `Hi${first ? ` ${first}` : ''}! ${paragraphs[0] ?? ''}`.trim(),
    ...paragraphs.slice(1),
  ].join('\n\n');
}

export interface ComposedDraft extends WrittenDraft {
  /** Segments that did not fit the length's target. */
  dropped: number;
}

export function composeBuiltInDraft(facts: DraftFacts, spec: DraftSpec): ComposedDraft {
  const c = new Composer(facts, spec);
  opener(c, spec.tone);
  if (facts.unmatchedOrderNumber && facts.order && facts.orderSource === 'recent') {
    c.add({
      text: `I couldn't find order ${facts.unmatchedOrderNumber} on your account, so I checked your most recent order, ${facts.order.number}.`,
      sms: `I couldn't find order ${facts.unmatchedOrderNumber}; I checked your latest order.`,
      rank: 0,
      block: 'facts',
    });
  }
  CORES[facts.intent](c);
  failureNote(c);
  offers(c);
  closing(c, spec.tone);

  const { channel } = spec;
  const available = c.segments.filter((s) => wording(s, channel) !== undefined);
  const limit = CHANNEL_RULES[channel].limit;
  const target = targetSize(channel, spec.length);
  const chosen = new Set(available.filter((s) => s.rank === 0));
  const inOrder = () => available.filter((s) => chosen.has(s));
  for (const rank of [1, 2, 3] as const) {
    for (const s of available.filter((x) => x.rank === rank)) {
      if (s.requires && !chosen.has(s.requires)) continue;
      chosen.add(s);
      if (measure(render(inOrder(), facts, channel), channel) > target) chosen.delete(s);
    }
  }
  // Rank-0 wording is kept short enough for every channel; if a long carrier detail still
  // pushes it over, the service's enforcement shortens the text before it leaves.
  const final = inOrder();
  const text = render(final, facts, channel);
  const tags = new Set(final.flatMap((s) => s.tags ?? []));
  const personalization: Personalization = {
    used_order_info: tags.has('order'),
    mentioned_tracking: tags.has('tracking'),
    referenced_past_issue: tags.has('past_issue'),
    applied_vip_treatment: tags.has('vip') || (facts.vip && channel === 'phone'),
    applied_churn_save: tags.has('churn_save'),
  };
  const chips: string[] = [];
  if (personalization.used_order_info && facts.order)
    chips.push(`Named order ${facts.order.number}`);
  if (personalization.mentioned_tracking && facts.order?.tracking) {
    chips.push(`Tracking: ${facts.order.tracking.status?.replace(/_/g, ' ') ?? 'shipped'}`);
  }
  for (const s of final) if (s.chip && !chips.includes(s.chip)) chips.push(s.chip);
  if (facts.vip && personalization.applied_vip_treatment && !chips.includes('VIP tone'))
    chips.push('VIP tone');
  return {
    text,
    personalization,
    chips,
    notes: measure(text, channel) > limit ? ['composed over the limit'] : [],
    dropped: available.length - final.length,
  };
}

@Injectable()
export class TemplateWriter implements DraftWriter {
  readonly kind = 'built_in' as const;
  readonly label = 'Built-in writer';

  async write(facts: DraftFacts, spec: DraftSpec): Promise<WrittenDraft> {
    const { dropped: _dropped, ...draft } = composeBuiltInDraft(facts, spec);
    return draft;
  }
}
