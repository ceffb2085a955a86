import type { Intent } from '@quimbi/contracts';

import { DraftFacts, formatDay, OrderFacts } from '../context';
import type { DraftSpec } from './writer';

/** The building blocks of a built-in draft: segments with a rank, and the composer collecting them. */

export type Tag =
  | 'order'
  | 'tracking'
  | 'past_issue'
  | 'vip'
  | 'churn_save'
  | 'goodwill'
  | 'expedited';
export type Block = 'intro' | 'facts' | 'action' | 'close';

export interface Segment {
  /** Email and chat wording. */
  text: string;
  /** Spoken wording for phone; `text` when absent. */
  phone?: string;
  /** SMS wording; the segment is left out of SMS drafts when absent. */
  sms?: string;
  rank: 0 | 1 | 2 | 3;
  block: Block;
  tags?: Tag[];
  chip?: string;
  /** Only included together with this segment (an offer with the failure it answers). */
  requires?: Segment;
}

export const ISSUE_LABELS: Record<Intent, string> = {
  order_status: 'a delivery',
  refund: 'a refund',
  return: 'a return',
  cancellation: 'a cancellation',
  damaged_or_wrong_item: 'a damaged or wrong item',
  payment: 'a payment',
  chargeback_or_fraud: 'a disputed charge',
  shipping_address_change: 'a delivery address',
  account: 'your account',
  product_question: 'a product',
  complaint: 'your experience with us',
  other: 'this',
};

export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
export const quoted = (detail: string | null) =>
  detail ? `"${detail.replace(/["\n]/g, ' ').trim().slice(0, 120)}"` : null;

export class Composer {
  readonly segments: Segment[] = [];
  /** The segment that tells the customer about the service failure, once one does. */
  failureSegment: Segment | null = null;
  constructor(
    readonly facts: DraftFacts,
    readonly spec: DraftSpec,
  ) {}

  add(segment: Segment): Segment {
    this.segments.push(segment);
    return segment;
  }

  /** Adds a segment that explains the ticket's service failure. */
  explain(segment: Segment): Segment {
    this.failureSegment ??= segment;
    return this.add(segment);
  }

  get order(): OrderFacts | null {
    return this.facts.order;
  }

  day(date: Date | null): string {
    return date ? formatDay(date, this.facts.now) : 'recently';
  }

  /** Tags for an offer: VIP treatment, churn save, or both. */
  offerTags(): Tag[] {
    const tags: Tag[] = [];
    if (this.facts.vip) tags.push('vip');
    if (this.facts.profile.highChurn || this.facts.atRisk) tags.push('churn_save');
    return tags;
  }
}
