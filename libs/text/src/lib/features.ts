import { PorterStemmer } from 'natural/lib/natural/stemmers';

import { normalizeText, wordTokens } from './normalize';

const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** Porter stem with a bounded memo (stemming dominates feature extraction otherwise). */
export function stem(token: string): string {
  const cached = stemCache.get(token);
  if (cached !== undefined) return cached;
  const stemmed = token === '<num>' ? token : PorterStemmer.stem(token);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(token, stemmed);
  return stemmed;
}

/**
 * Function words, pleasantries and filler dropped before building features. The training
 * sentences are short templates in which articles and pronouns happen to correlate with
 * labels ("the" with fees, "my" with passwords); real messages are full of them, so keeping
 * them makes the model follow the template rather than the request. Question words and
 * negations are kept: "how long", "where is", "not working" carry intent.
 */
export const INTENT_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those it its i me my mine myself we us our you your yours he him his she her they them their ' +
    'of for to in on at by with from into onto about as than then there here so and or but if also just too very really ' +
    'is am are was were be been being do does did done have has had having will would shall should may might must ' +
    'please pls plz hi hello hey dear thanks thank thx cheers regards kind best team guys sir madam ok okay yes yeah ' +
    'some any all much many more most other another same such own only again still already yet now today ' +
    'up out over under off one'
  ).split(' '),
);

/** Content tokens of a message after normalisation and stop-word removal (not stemmed). */
export function contentTokens(text: string): string[] {
  return wordTokens(normalizeText(text)).filter((t) => !INTENT_STOPWORDS.has(t));
}

/**
 * Bag of stemmed unigrams and bigrams (`a b`, adjacent after stop-word removal), de-duplicated
 * (binary presence features). The intent model is trained and applied on exactly this.
 */
export function intentFeatures(text: string): string[] {
  const stems = contentTokens(text).map(stem);
  const seen = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    seen.add(stems[i]);
    if (i + 1 < stems.length) seen.add(`${stems[i]} ${stems[i + 1]}`);
  }
  return [...seen];
}
