/**
 * Text normalisation shared by the sentiment scorer, the intent rules and the intent model.
 * Everything here is pure and allocation-light: it runs on every incoming customer message.
 */

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'m\b/g, ' am'],
  [/\b(it|that|there|what|where|who|he|she|here)'s been\b/g, '$1 has been'],
  [/\b(it|that|there|what|where|who|he|she|here)'s\b/g, '$1 is'],
];

/** Folds typographic quotes/dashes to ASCII and collapses whitespace. Case is preserved. */
export function foldText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Lower-cases, folds punctuation variants and expands English contractions
 * ("haven't" → "have not", "I'm" → "I am") so that rules only need one spelling.
 */
export function normalizeText(text: string): string {
  let out = foldText(text).toLowerCase();
  for (const [pattern, replacement] of CONTRACTIONS) {
    out = out.replace(pattern, replacement);
  }
  return out;
}

/** Word tokens of a normalised text; order/tracking numbers and amounts become `<num>`. */
export function wordTokens(normalized: string): string[] {
  const tokens: string[] = [];
  const re = /[a-z]+(?:['-][a-z]+)*|\d[\d.,/-]*/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(normalized)) !== null) {
    const token = match[0];
    tokens.push(/^\d/.test(token) ? '<num>' : token.replace(/'/g, ''));
  }
  return tokens;
}

/**
 * Splits a message into sentence-like segments (on . ! ? ; newlines and ", also" / ", plus"
 * joins that usually introduce a second issue). Used for multi-issue detection.
 */
export function splitSegments(text: string): string[] {
  return foldText(text.replace(/\r?\n+/g, ' . '))
    .split(
      /(?<=[.!?;])\s+|,\s*(?:and\s+)?(?:also|additionally|another thing|on top of that|plus)\b[,:]?\s*/i,
    )
    .map((s) => s.trim())
    .filter((s) => /[a-z]{2,}/i.test(s));
}
