import type { Channel, DraftLength, Tone } from '@quimbi/contracts';

import type { DraftFacts } from '../context';

export type WriterKind = 'anthropic' | 'built_in';

export interface DraftSpec {
  channel: Channel;
  tone: Tone;
  length: DraftLength;
}

export interface Personalization {
  used_order_info: boolean;
  mentioned_tracking: boolean;
  referenced_past_issue: boolean;
  applied_vip_treatment: boolean;
  applied_churn_save: boolean;
}

export interface WrittenDraft {
  text: string;
  personalization: Personalization;
  /** Human-readable chips: "Named order #10234", "VIP tone", "Offered 10% goodwill credit". */
  chips: string[];
  /** What the writer did, for the reasoning line (regenerated, shortened …). */
  notes: string[];
}

/** Writes a draft for one ticket from the gathered facts; both writers return the same shape. */
export interface DraftWriter {
  readonly kind: WriterKind;
  /** How the reasoning line names this writer. */
  readonly label: string;
  write(facts: DraftFacts, spec: DraftSpec): Promise<WrittenDraft>;
}

export const NO_PERSONALIZATION: Readonly<Personalization> = {
  used_order_info: false,
  mentioned_tracking: false,
  referenced_past_issue: false,
  applied_vip_treatment: false,
  applied_churn_save: false,
};
