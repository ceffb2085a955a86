import type { Rng } from './random';
import type { Currency } from './types';

/** Slot values for template rendering. */
export type Slots = Record<string, string>;

const ALTERNATION = /\[([^[\]]*)\]/;
const SLOT = /\{([a-zA-Z0-9_]+)\}/g;

/**
 * Renders a template:
 * - `[a|b|c]` picks one alternative; `[text]` (no bar) keeps the text half of the time;
 *   alternations may nest (innermost first).
 * - `{slot}` is replaced by `slots[slot]`; an unknown slot throws, so tests catch typos.
 */
export function render(template: string, slots: Slots, rng: Rng): string {
  let s = template;
  for (let m = ALTERNATION.exec(s); m; m = ALTERNATION.exec(s)) {
    const body = m[1] ?? '';
    const options = body.split('|');
    const chosen = options.length === 1 ? (rng.chance(0.5) ? body : '') : rng.pick(options);
    s = s.slice(0, m.index) + chosen + s.slice(m.index + m[0].length);
  }
  s = s.replace(SLOT, (_, key: string) => {
    const v = slots[key];
    if (v === undefined) throw new Error(`Template slot {${key}} has no value in: ${template}`);
    return v;
  });
  return tidy(s);
}

/** Collapses doubled spaces and stray spaces before punctuation, line by line. */
export function tidy(s: string): string {
  return s
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/ +([,.!?;:)])/g, '$1')
        .replace(/\( +/g, '(')
        .replace(/,{2,}/g, ',')
        .replace(/(?<!\.)\.\.(?!\.)/g, '.')
        .replace(/\. \./g, '.')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const SYMBOL: Record<Currency, string> = { USD: '$', EUR: '€', GBP: '£' };

export function money(amount: number, currency: Currency): string {
  const fixed = Math.abs(amount).toFixed(2);
  const [whole = '0', cents = '00'] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}${SYMBOL[currency]}${grouped}.${cents}`;
}

/** "a day", "3 days"; "a few hours" / "5 hours" under a day. */
export function durationPhrase(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 1.5) return 'an hour';
  if (hours < 20) return `${Math.round(hours)} hours`;
  const days = Math.max(1, Math.round(hours / 24));
  if (days === 1) return 'a day';
  if (days >= 14 && days % 7 <= 1) return `${Math.round(days / 7)} weeks`;
  return `${days} days`;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

export function ordinal(n: number): string {
  return ORDINALS[n - 1] ?? `${n}th`;
}

export function capitalize(s: string): string {
  return s.length === 0 ? s : (s[0] ?? '').toUpperCase() + s.slice(1);
}

/** Sentences with their trailing whitespace; a full stop inside "$30.26" or "#1.5" doesn't split. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])(?=\s)/);
}

/**
 * Furious styling: some sentences in capitals, exclamation and question marks multiplied.
 * Keeps order numbers and other tokens intact (capitals don't change digits).
 */
export function shout(text: string, rng: Rng, intensity = 0.35): string {
  return sentences(text)
    .map((s) => {
      let out = s;
      if (rng.chance(intensity) && s.trim().split(/\s+/).length <= 14) out = out.toUpperCase();
      out = out.replace(/\?(\s*)$/, (_m, ws: string) => (rng.chance(0.6) ? '???' : '??') + ws);
      out = out.replace(/!(\s*)$/, (_m, ws: string) => (rng.chance(0.6) ? '!!!' : '!!') + ws);
      out = out.replace(/\.(\s*)$/, (_m, ws: string) => (rng.chance(0.3) ? '!' : '.') + ws);
      return out;
    })
    .join('');
}

/** Appends a sentence, adding a full stop first when the text doesn't end in punctuation. */
export function appendSentence(text: string, extra: string): string {
  const t = text.trimEnd();
  if (extra.trim().length === 0) return t;
  return `${t}${/[.!?)]$/.test(t) ? '' : '.'} ${extra.trim()}`;
}

/** Texting style: often no capital letter and no final full stop. */
export function texting(text: string, rng: Rng): string {
  let out = text.replace(/\s*\n+\s*/g, ' ');
  if (rng.chance(0.45) && !/^.[A-Z]/.test(out)) out = out.charAt(0).toLowerCase() + out.slice(1);
  if (rng.chance(0.5)) out = out.replace(/\.$/, '');
  return out.trim();
}

/** Subject line derived from a message: first meaningful sentence, cut on a word boundary. */
export function subjectFrom(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = (flat.match(/^.*?[.!?]+(?=\s|$)/)?.[0] ?? flat).trim();
  const base = first.length >= 12 ? first : flat;
  if (base.length <= max) return base.replace(/[.,;:]+$/, '');
  const cut = base.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[.,;:!?]+$/, '')}…`;
}
