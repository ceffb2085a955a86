import type { Channel, DraftLength } from '@quimbi/contracts';

/**
 * Channel rules for drafts, pure: the hard limit per channel, how it is measured, the soft target
 * per requested length, and the enforcement that runs after every writer (a draft is never
 * passed on over its limit). The counts include everything in the text, so an email's greeting
 * and signature count towards its 200 words.
 */

export type LimitUnit = 'characters' | 'words';

export interface ChannelRule {
  limit: number;
  unit: LimitUnit;
  /** Soft target per requested length (never above `limit`). */
  targets: Readonly<Record<DraftLength, number>>;
  /** Emails open with a greeting and close with a sign-off and signature. */
  framed: boolean;
  style: string;
}

export const CHANNEL_RULES: Readonly<Record<Channel, ChannelRule>> = {
  sms: {
    limit: 160,
    unit: 'characters',
    targets: { short: 120, medium: 160, long: 160 },
    framed: false,
    style: 'Casual, straight to the point, common abbreviations are fine; a single message',
  },
  email: {
    limit: 200,
    unit: 'words',
    targets: { short: 90, medium: 140, long: 200 },
    framed: true,
    style:
      'Professional but warm; proper formatting with a greeting, short paragraphs, a sign-off and signature',
  },
  // Web-form tickets are answered by email, so they follow the email rule.
  form: {
    limit: 200,
    unit: 'words',
    targets: { short: 90, medium: 140, long: 200 },
    framed: true,
    style:
      'Professional but warm; proper formatting with a greeting, short paragraphs, a sign-off and signature',
  },
  chat: {
    limit: 100,
    unit: 'words',
    targets: { short: 45, medium: 75, long: 100 },
    framed: false,
    style: 'Friendly and conversational; short paragraphs; no formal sign-off',
  },
  phone: {
    limit: 75,
    unit: 'words',
    targets: { short: 40, medium: 60, long: 75 },
    framed: false,
    style: 'A script the agent speaks: natural speech, empathy statements, no lists, no links',
  },
};

export const DEFAULT_SIGN_OFF = 'Best regards,';
export const DEFAULT_SIGNATURE = 'Customer Support';

export interface DraftChecks {
  within_limit: boolean;
  limit: number;
  measured: number;
  unit: LimitUnit;
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Characters as a reader counts them (code points, so an emoji or accented letter is one). */
export function countCharacters(text: string): number {
  return [...text].length;
}

export function measure(text: string, channel: Channel): number {
  return CHANNEL_RULES[channel].unit === 'words' ? countWords(text) : countCharacters(text);
}

export function checkDraft(text: string, channel: Channel): DraftChecks {
  const rule = CHANNEL_RULES[channel];
  const measured = measure(text, channel);
  return { within_limit: measured <= rule.limit, limit: rule.limit, measured, unit: rule.unit };
}

/** The soft size a writer aims for: the length's target, never above the channel's limit. */
export function targetSize(channel: Channel, length: DraftLength): number {
  const rule = CHANNEL_RULES[channel];
  return Math.min(rule.limit, rule.targets[length]);
}

const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b[^\n]{0,80}$/i;
const SIGN_OFF =
  /^(best( regards| wishes)?|kind regards|warm regards|regards|many thanks|thanks( again| so much)?|thank you|sincerely|cheers|all the best|take care|yours( sincerely| truly)?)[,!.]?$/i;

export interface EmailParts {
  greeting: string | null;
  body: string;
  /** Sign-off line plus the signature lines after it. */
  closing: string | null;
}

/** Splits an email into greeting line, body and closing (sign-off and signature). */
export function splitEmail(text: string): EmailParts {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  let greeting: string | null = null;
  if (lines.length > 0 && GREETING.test(lines[0].trim())) {
    greeting = lines.shift()?.trim() ?? null;
  }
  let closing: string | null = null;
  // A sign-off within the last four lines starts the closing block.
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 4); i--) {
    if (SIGN_OFF.test(lines[i].trim())) {
      closing = lines
        .slice(i)
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
      lines.splice(i);
      break;
    }
  }
  return { greeting, body: lines.join('\n').trim(), closing };
}

export function joinEmail(parts: EmailParts): string {
  return [parts.greeting, parts.body, parts.closing]
    .filter((p): p is string => !!p && p.trim() !== '')
    .join('\n\n');
}

/** Adds a greeting and a sign-off with signature to an email that lacks them. */
export function frameEmail(text: string, firstName: string | null): string {
  const parts = splitEmail(text);
  return joinEmail({
    greeting: parts.greeting ?? (firstName ? `Hi ${firstName},` : 'Hello,'),
    body: parts.body,
    closing:
      parts.closing && parts.closing.includes('\n')
        ? parts.closing
        : `${parts.closing ?? DEFAULT_SIGN_OFF}\n${DEFAULT_SIGNATURE}`,
  });
}

/** Sentences of one paragraph, split after . ! ? or … when a new sentence follows. */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?…]["')\]]?)\s+(?=["'([]?[A-Z0-9#£$€])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function paragraphsOf(body: string): string[][] {
  return body
    .split(/\n\s*\n/)
    .map((p) => splitSentences(p.replace(/\s*\n\s*/g, ' ').trim()))
    .filter((p) => p.length > 0);
}

function renderParagraphs(paragraphs: string[][], separator: string): string {
  return paragraphs.map((p) => p.join(' ')).join(separator);
}

/** Cuts one piece of text to fit `budget` at a word boundary and marks the cut with an ellipsis. */
function cutWords(text: string, fits: (candidate: string) => boolean): string {
  const words = text.split(/\s+/).filter(Boolean);
  for (let n = words.length - 1; n >= 1; n--) {
    const candidate = `${words
      .slice(0, n)
      .join(' ')
      .replace(/[,;:.\s-]+$/, '')}…`;
    if (fits(candidate)) return candidate;
  }
  return '';
}

export interface Enforced {
  text: string;
  /** The text was changed (sentences dropped or a sentence cut) to meet the limit. */
  shortened: boolean;
}

/**
 * Brings a draft within its channel's limit. Whole sentences are dropped from the end of the
 * body first; only a first sentence that cannot fit on its own is cut at a word boundary. An
 * email keeps (or gets) its greeting and its sign-off and signature, and they count.
 */
export function enforceChannelLimit(
  text: string,
  channel: Channel,
  firstName: string | null = null,
): Enforced {
  const rule = CHANNEL_RULES[channel];
  const normalized = rule.framed
    ? frameEmail(text, firstName)
    : text.replace(/\r\n?/g, '\n').trim();
  if (measure(normalized, channel) <= rule.limit) {
    return { text: normalized, shortened: false };
  }
  const email = rule.framed ? splitEmail(normalized) : null;
  const assemble = (paragraphs: string[][]): string => {
    if (email) return joinEmail({ ...email, body: renderParagraphs(paragraphs, '\n\n') });
    return renderParagraphs(paragraphs, channel === 'sms' ? ' ' : '\n\n');
  };
  const fits = (candidate: string) => measure(candidate, channel) <= rule.limit;
  const paragraphs = paragraphsOf(email ? email.body : normalized);
  while (paragraphs.length > 0) {
    if (fits(assemble(paragraphs))) return { text: assemble(paragraphs), shortened: true };
    const last = paragraphs[paragraphs.length - 1];
    if (paragraphs.length === 1 && last.length === 1) break;
    last.pop();
    if (last.length === 0) paragraphs.pop();
  }
  // One sentence is left and it is too long on its own: cut it at a word boundary.
  const only = paragraphs[0]?.[0] ?? '';
  const cut = cutWords(only, (candidate) => fits(assemble([[candidate]])));
  return { text: assemble(cut ? [[cut]] : []), shortened: true };
}
