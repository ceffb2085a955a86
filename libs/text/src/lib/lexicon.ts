import { SentimentAnalyzer } from 'natural/lib/natural/sentiment';

/**
 * Word valences on the AFINN scale (-5..5). The base is AFINN-165 via `natural`; the overrides
 * below re-weight words whose everyday sense misleads in customer support: "help", "like",
 * "please" and "support" are not praise in "please help, I'd like support"; "charged",
 * "cancel" and "refund" name the topic, not the mood; "unacceptable" and "joke" are stronger
 * complaints here than in general text.
 */
// prettier-ignore
export const SUPPORT_LEXICON: Readonly<Record<string, number>> = {
  // neutral in support requests
  help: 0, helping: 0, please: 0, pls: 0, plz: 0, like: 0, likes: 0, want: 0, wanted: 0, care: 0,
  support: 0, supported: 0, dear: 0, hope: 0, hoping: 0, hopefully: 0, wish: 0, interest: 0,
  interested: 0, free: 0, gift: 0, certain: 0, clear: 0, fit: 0, matter: 0, allow: 0, accept: 0,
  accepted: 0, join: 0, share: 0, united: 0, straight: 0, natural: 0, big: 0, pretty: 0, top: 0,
  save: 0, secure: 0, protect: 0, protected: 0, guarantee: 0, promise: 0, kind: 0, yes: 0,
  yeah: 0, ok: 0, okay: 0, sure: 0, true: 0, lol: 0, haha: 0, wow: 0, super: 0, win: 0,
  credit: 0, reward: 0, grant: 0, granted: 0, commit: 0, committed: 0, pay: 0, paid: 0,
  charge: 0, charges: 0, charged: 0, cancel: 0, cancelled: 0, canceled: 0, block: 0, stop: 0,
  no: 0, demand: 0, demanded: 0, question: 0, questions: 0, sorry: 0, dispute: 0, disputes: 0,
  urgent: 0, debt: 0, risk: 0, refund: 0, limited: 0, miss: 0, sick: 0, ill: 0, fine: 1,
  forgot: 0, forget: 0, forgotten: 0, fun: 1, best: 2, good: 2, great: 2.5, joke: -1, funny: 0, straightforward: 0, easy: 0.5,
  // strong complaint vocabulary
  fake: -2, ignore: -1, ignored: -2, refuse: -2, refused: -2, unacceptable: -3, disgraceful: -3,
  shambles: -3, shocking: -2.5, appalling: -3, outrageous: -3, pathetic: -3, useless: -2.5,
  incompetent: -3, incompetence: -3, clowns: -2, rubbish: -2.5, garbage: -2.5, scam: -3,
  scammed: -3, scammers: -3, thieves: -3, theft: -2, stealing: -3, lied: -2.5, lying: -2.5,
  liars: -3, rude: -2.5, unprofessional: -2.5, nightmare: -3, frustrated: -2, frustrating: -2,
  annoyed: -2, annoying: -2, irritated: -2, upset: -2, disappointed: -2, disappointing: -2,
  unhappy: -2, furious: -3.5, livid: -3.5, angry: -3, mad: -2.5, fuming: -3.5, horrendous: -3,
  horrible: -3, awful: -3, terrible: -3, worst: -3.5, ridiculous: -3, absurd: -2.5, insane: -2,
  nonsense: -2, excuses: -1.5, disgusted: -3, disgusting: -3, laughable: -2.5, atrocious: -3.5,
  // praise and thanks
  thanks: 2, thank: 2, thx: 1.5, ty: 1.5, appreciate: 2, appreciated: 2, grateful: 2.5,
  awesome: 3, amazing: 3, excellent: 3, fantastic: 3, wonderful: 3, perfect: 2.5, love: 3,
  loved: 3, lovely: 2.5, happy: 2.5, pleased: 2.5, delighted: 3, impressed: 2.5, helpful: 2,
  brilliant: 3, superb: 3, outstanding: 3, cheers: 1.5, quick: 0.5, fast: 0.5, speedy: 1,
};

/**
 * Topical negatives: words that describe what went wrong ("delayed", "damaged", "missing")
 * rather than how the customer feels. Their combined weight is capped by the scorer, so a
 * detailed, calm damage report does not read as anger.
 */
// prettier-ignore
export const TOPICAL_LEXICON: Readonly<Record<string, number>> = {
  delay: -0.5, delayed: -0.8, blocked: -0.5, stopped: -0.3, problem: -1, problems: -1,
  issue: -0.5, issues: -0.5, trouble: -1, error: -1, mistake: -1, wrong: -1, missing: -1,
  lost: -1, damaged: -1.2, broken: -1.2, defective: -1.2, faulty: -1.2, stuck: -1, unable: -0.8,
  fail: -1, failed: -1, failure: -1, fraud: -1, fraudulent: -1, stolen: -1, worried: -1.5,
  worry: -1, complaint: -1, complain: -1, dead: -1, hard: -0.5, lack: -1, missed: -1,
  late: -1, doubt: -0.5, suspicious: -1, suspect: -0.5, unfortunately: -0.5, excuse: -1,
  forever: -0.5, ages: -0.5, promised: -0.5, crushed: -0.8, cracked: -0.8, smashed: -0.8,
  shattered: -0.8, torn: -0.8, ripped: -0.8, dented: -0.8, scratched: -0.8, leaking: -0.8,
};

const OVERRIDES = new Map<string, number>([
  ...Object.entries(SUPPORT_LEXICON),
  ...Object.entries(TOPICAL_LEXICON),
]);
const TOPICAL = new Set(Object.keys(TOPICAL_LEXICON));

/** True for words that name a problem rather than an emotion. */
export function isTopicalWord(word: string): boolean {
  return TOPICAL.has(word);
}

let afinn: SentimentAnalyzer | undefined;
const cache = new Map<string, number>();
const CACHE_LIMIT = 50_000;

/** Valence of one lower-case word: support overrides first, then AFINN-165, else 0. */
export function wordValence(word: string): number {
  const override = OVERRIDES.get(word);
  if (override !== undefined) return override;
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  afinn ??= new SentimentAnalyzer('English', undefined, 'afinn');
  // For a single token the analyzer returns exactly that token's AFINN score (0 for negators).
  const value = afinn.getSentiment([word]) || 0;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, value);
  return value;
}
