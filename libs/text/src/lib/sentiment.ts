import { matchIntentRules, type IntentRuleHit } from './intent-rules';
import { isTopicalWord, wordValence } from './lexicon';
import { foldText, normalizeText } from './normalize';
import { SIGNAL, type Signal } from './signals';

/**
 * Support-specific sentiment: an AFINN-based lexicon walk (negation, boosters, "but" contrast,
 * capitalised emphasis) plus phrase rules for the ways customers express frustration that a
 * general lexicon misses ("still haven't received", "third time", "nobody answers", threats).
 * The summed valence v maps to 0..1 through 0.5 + 0.5·tanh(v / scale):
 * 0.5 is a neutral enquiry, below 0.3 a furious customer, above 0.7 a happy one.
 */
export interface SentimentResult {
  /** 0 = furious … 0.5 = neutral … 1 = delighted. */
  score: number;
  /** Unbounded valence before squashing (negative = upset). */
  valence: number;
  signals: Signal[];
}

/** Valence that moves the score by tanh(1)·0.5 ≈ 0.38; complaints need more evidence than praise. */
const SCALE_NEGATIVE = 7.5;
const SCALE_POSITIVE = 5;

interface PhraseRule {
  pattern: RegExp;
  valence: number;
  signal?: Signal;
  /** Remove the matched words from the lexicon walk so they are not counted twice. */
  consume?: boolean;
}

const NUMBER_WORD =
  '(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|a few|few|\\d+)';

/** Rules on normalised text (lower case, "haven't" → "have not"). */
const PHRASE_RULES: readonly PhraseRule[] = [
  // politeness and pleasantries that are not praise
  {
    pattern:
      /\b(kind|best|warm|many|warmest|kindest)\s+(regards|wishes)\b|\bregards\b|\bgood (morning|afternoon|evening|day)\b/g,
    valence: 0,
    consume: true,
  },
  {
    pattern: /\b(thanks|thank you|thx|ty)\s+(in advance|beforehand)\b/g,
    valence: 0.6,
    consume: true,
  },
  {
    pattern:
      /\b(would|will) be (great|nice|good|lovely|wonderful|appreciated|helpful)\b|\bi would appreciate\b|\bappreciate it if\b/g,
    valence: 0.4,
    consume: true,
  },
  { pattern: /\b(no|not a) (problem|worries|worry|rush|hurry)\b/g, valence: 0.8, consume: true },
  { pattern: /\bby (mistake|accident)\b|\bmy (mistake|fault|bad)\b/g, valence: 0, consume: true },
  // warm thanks and praise
  {
    pattern:
      /\b(thanks|thank you) (so|very) much\b|\bthanks a (lot|ton|million|bunch)\b|\bmany thanks\b|\bmuch appreciated\b|\breally appreciate\b/g,
    valence: 1,
    signal: SIGNAL.gratitude,
  },
  {
    pattern:
      /\b(above and beyond|made my day|life ?saver|you rock|you guys rock|well done|great job|good job|great service|excellent service|amazing service|keep it up|five stars|5 stars)\b/g,
    valence: 2,
    signal: SIGNAL.gratitude,
  },
  // sarcasm and scorn
  {
    pattern:
      /\bthanks? (you )?for nothing\b|(?<!(thank you|thanks|thank) )\bso much for\b|\bgreat job not\b|\bvery helpful not\b|\bgee thanks\b/g,
    valence: -3.5,
    signal: SIGNAL.sarcasm,
    consume: true,
  },
  {
    pattern:
      /\b(this|that|it|you|your service|your company) (is|are) (a|an absolute|a complete|a total|such a) (joke|farce|disgrace|shambles|scam)\b|\bwhat a (joke|farce|disgrace|shambles|scam)\b/g,
    valence: -2.5,
    signal: SIGNAL.strongLanguage,
  },
  {
    pattern:
      /\bfed up\b|\bsick (and tired )?of\b|\bhad enough\b|\bwaste of (my |our )?(time|money)\b|\brip ?-?off\b|\bare you (kidding|joking|serious)\b|\bseriously\s*[?!]|\bbeyond (frustrat|annoy|disappoint)\w*/g,
    valence: -2.5,
    signal: SIGNAL.strongLanguage,
  },
  {
    pattern: /\bwhat is (going on|happening)\b|\bwhy (is|does) (it|this) (take|taking) so long\b/g,
    valence: -1,
  },
  {
    pattern:
      /\bnot good enough\b|\bnot (ok|okay|acceptable)\b|\bnot (happy|impressed|pleased|satisfied)\b/g,
    valence: -1,
  },
  // delivery frustration
  {
    pattern:
      /\b(not|never|yet to)\s+(\w+\s+)?(arrived|arrive|received|receive|got|gotten|delivered|come|shown up|showed up|turned up)\b|\bno sign of (my|the|it|them)\b/g,
    valence: -1,
    signal: SIGNAL.notReceived,
  },
  {
    pattern:
      /\bstill\s+(not|no|nothing|have not|has not|had not|did not|does not|do not|waiting|missing|no sign|without|can not|unable|stuck|have nothing|not heard)\b|\bwhere the (hell|heck|f\w*)\b/g,
    valence: -1,
    signal: SIGNAL.stillWaiting,
  },
  {
    pattern: new RegExp(
      `\\b(waiting|waited|wait|been|over|more than|almost|nearly)\\s+(for\\s+)?(over\\s+|more than\\s+|almost\\s+|nearly\\s+)?${NUMBER_WORD}\\s+(weeks?|months?)\\b|\\b(waiting|waited|wait|been|over|more than|almost|nearly)\\s+(for\\s+)?(over\\s+|more than\\s+|almost\\s+|nearly\\s+)?([7-9]|[1-9]\\d|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty) (working |business )?days\\b|\\b(taking|takes|took|taken)\\s+(forever|ages|so long|too long|way too long)\\b|\\bfor ages\\b|\\bhow (much )?long (do|does|will|should|must|am) (i|we) (have to |supposed to )?wait\\b|\\bhow much longer\\b`,
      'g',
    ),
    valence: -1,
    signal: SIGNAL.longWait,
  },
  // repeated contact and silence
  {
    pattern: new RegExp(
      `\\b(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|umpteenth|nth|\\d+th)\\s+(time|email|message|call|request|attempt)\\b|\\b(writing|asking|contacting|emailing|messaging|calling|chasing|reaching out|trying|complaining|here)\\s+(you\\s+)?(again|once more)\\b|\\b(once|yet|over and over) again\\b|\\bkeep (asking|writing|emailing|calling|contacting|chasing|getting|being told|telling)\\b|\\bhow many (more )?times\\b|\\b(already|have|has|i have)\\s+(already\\s+)?(contacted|emailed|called|written|messaged|asked|chased|reached out|complained|been in touch)\\b.*\\b(times?|already|before|twice|again|last week|days? ago|weeks? ago)\\b|\\b${NUMBER_WORD} (times|emails|calls|messages|chats|tickets|requests)\\b|\\b(asked|contacted|emailed|called|written|wrote|chased|told)\\s+(you\\s+|me\\s+)?twice\\b`,
      'g',
    ),
    valence: -2,
    signal: SIGNAL.repeatedContact,
  },
  {
    pattern:
      /\b(no|zero|not a single|not one|not any|not had any|not had a|still no)\s+(response|reply|replies|answer|answers|update|updates|feedback|word|call back|callback|help)\b|\b(nobody|no one|no-one|noone|no body)\s+(\w+\s+)?(answers|answered|answering|responds|responded|responding|replies|replied|replying|gets back|got back|get back|picks up|picked up|calls? back|helps|helped|cares|listens|reads)\b|\b(not|never)\s+(heard back|heard anything|had a (reply|response)|got (a|any) (reply|response|answer)|received (a|any) (reply|response|answer|update))\b|\bignor(ed|ing) (me|my|us|our)\b|\bis (anyone|anybody) (there|out there|reading|listening)\b|\bgetting nowhere\b/g,
    valence: -1.5,
    signal: SIGNAL.noResponse,
  },
  // threats
  {
    pattern:
      /\b(lawyer|lawyers|attorney|solicitor|legal action|take (you|this|it) to court|court|sue|suing|small claims|lawsuit|legal proceedings)\b/g,
    valence: -3.5,
    signal: SIGNAL.legalThreat,
  },
  {
    pattern:
      /\b(better business bureau|bbb|ftc|trading standards|consumer (protection|rights|affairs|council|ombudsman)|ombudsman|attorney general|citizens advice)\b|\breport (you|this|your company|it)\s+(\w+\s+){0,3}(to|with) (the )?(authorities|police|regulator)\b/g,
    valence: -3,
    signal: SIGNAL.reportThreat,
  },
  {
    pattern:
      /\b(bad|negative|terrible|horrible|awful|scathing|1[- ]star|one[- ]star|0[- ]star|zero[- ]star)\s+(review|reviews|rating|feedback)\b|\b(post|posting|share|sharing|tell|telling|warn|warning|write about)\b[^.!?]{0,40}\b(social media|twitter|facebook|instagram|tiktok|reddit|trustpilot|everyone|all my friends|the world|other customers|the internet|online)\b/g,
    valence: -3,
    signal: SIGNAL.reviewThreat,
  },
  {
    pattern:
      /\b(never|not|will not|not going to|do not plan to)\s+(be\s+)?(order|ordering|buy|buying|shop|shopping|purchase|purchasing|use|using)\s+(\w+\s+){0,4}?(again|ever again|anymore)\b|\btake my (business|money|custom) (elsewhere|somewhere else)\b|\b(go|going|shop|shopping|buy|buying|order|ordering|take it) (elsewhere|somewhere else)\b|\b(lost|losing) (a|me as a|one) (loyal |long[- ]time |good )?customer\b|\bswitch(ing)? to (amazon|another (store|shop|company|retailer)|a competitor|your competitor)\b|\blast time i (order|buy|shop|purchase)\w*\b|\bnever again\b/g,
    valence: -3,
    signal: SIGNAL.churnThreat,
  },
  // escalation and urgency
  {
    pattern:
      /\b(speak|talk|chat|escalate this|escalate it)\s+(to|with)\s+(a|an|your|the|someone|somebody)\s*(manager|supervisor|human|real person|actual person|person|someone senior|in charge|higher up)\b|\b(escalate|escalation)\b|\bget me (a|your) (manager|supervisor)\b/g,
    valence: -0.8,
    signal: SIGNAL.escalationRequest,
  },
  {
    pattern:
      /\b(urgent|urgently|asap|immediately|right now|right away|as soon as possible|emergency)\b/g,
    valence: -0.3,
    signal: SIGNAL.urgent,
  },
  {
    pattern:
      /\b(fuck\w*|f\*+k\w*|f\*{2,}|shit\w*|sh\*t\w*|bullshit|crap|crappy|wtf|damn|goddamn|bloody|arse|asshole|bastard\w*|bitch\w*|pissed)\b/g,
    valence: -1,
    signal: SIGNAL.profanity,
  },
];

// prettier-ignore
const NEGATORS = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'hardly', 'barely', 'nowhere']);
// prettier-ignore
const BOOSTERS = new Set([
  'very', 'so', 'really', 'extremely', 'absolutely', 'totally', 'completely', 'incredibly', 'utterly',
  'truly', 'most', 'seriously', 'deeply', 'highly', 'hugely', 'massively', 'exceptionally', 'thoroughly',
  'beyond', 'super', 'insanely', 'unbelievably', 'too',
]);
const DAMPENERS = new Set([
  'slightly',
  'somewhat',
  'bit',
  'little',
  'kinda',
  'fairly',
  'quite',
  'rather',
]);
const CONTRASTS = new Set(['but', 'however', 'although', 'though', 'yet']);
const EMOJI_VALENCE: ReadonlyArray<readonly [RegExp, number]> = [
  [/[\u{1F620}\u{1F621}\u{1F92C}\u{1F624}\u{1F47F}]/gu, -3],
  [
    /[\u{1F61E}\u{1F622}\u{1F62D}\u{2639}\u{1F641}\u{1F44E}\u{1F612}\u{1F644}\u{1F629}\u{1F62B}]|:-?\(/gu,
    -1.5,
  ],
  [
    /[\u{1F642}\u{1F60A}\u{1F600}\u{1F603}\u{1F604}\u{1F601}\u{1F970}\u{1F60D}\u{2764}\u{1F44D}\u{1F64F}\u{1F389}]|:-?\)|:-?D\b/gu,
    1.5,
  ],
];

/**
 * All-caps words that are ordinary acronyms, carrier names or sizes, not shouting.
 */
// prettier-ignore
const ACRONYMS = new Set([
  'UPS', 'USPS', 'DHL', 'FEDEX', 'TNT', 'DPD', 'GLS', 'EMS', 'SKU', 'ASAP', 'FAQ', 'PDF', 'URL', 'ID',
  'OK', 'USA', 'US', 'UK', 'EU', 'COD', 'VAT', 'GST', 'PIN', 'CVV', 'OTP', 'IMEI', 'TV', 'XL', 'XXL',
  'XS', 'XXS', 'RMA', 'ETA', 'BBB', 'FTC', 'ATM', 'PO', 'API', 'CEO', 'AM', 'PM', 'IOS', 'SMS', 'USB',
  'HDMI', 'LED', 'LCD', 'DVD', 'CD', 'FYI', 'BTW', 'TBH', 'IMO', 'PS', 'NB', 'QR', 'IBAN', 'BIC',
  'AMEX', 'VISA', 'NFC', 'GPS', 'HQ', 'PC', 'MAC', 'NYC', 'LA', 'SF', 'DC', 'EST', 'PST', 'GMT',
  'UTC', 'CET', 'AU', 'NZ', 'CA', 'NY', 'TX', 'FL', 'RSVP', 'DIY', 'VIP', 'ETA', 'AKA', 'APO', 'FPO',
]);

interface Token {
  word: string;
  /** Written entirely in capitals in the original (and not an acronym). */
  caps: boolean;
  /** Punctuation tokens end negation scope; sentence ends reset the contrast weighting. */
  kind: 'word' | 'stop' | 'pause';
}

function tokenize(original: string, normalized: string): Token[] {
  const capsWords = new Set<string>();
  for (const m of original.matchAll(/\b[A-Z][A-Z']*[A-Z]\b/g)) {
    if (!ACRONYMS.has(m[0])) capsWords.add(m[0].toLowerCase());
  }
  const tokens: Token[] = [];
  for (const m of normalized.matchAll(/[a-z]+(?:['-][a-z]+)*|[.!?]+|[,;:()]/g)) {
    const t = m[0];
    if (/^[.!?]/.test(t)) tokens.push({ word: t, caps: false, kind: 'stop' });
    else if (/^[,;:()]/.test(t)) tokens.push({ word: t, caps: false, kind: 'pause' });
    else tokens.push({ word: t.replace(/'/g, ''), caps: capsWords.has(t), kind: 'word' });
  }
  return tokens;
}

interface LexiconWalk {
  valence: number;
  strongest: number;
}

/** Most negative total that problem-describing words can add up to. */
const TOPICAL_FLOOR = -2;

function walkLexicon(tokens: readonly Token[]): LexiconWalk {
  let valence = 0;
  let topical = 0;
  let strongest = 0;
  let sentenceStart = 0;
  for (let end = 0; end <= tokens.length; end++) {
    if (end < tokens.length && tokens[end].kind !== 'stop') continue;
    // One sentence: tokens[sentenceStart, end)
    let contrastAt = -1;
    for (let i = sentenceStart; i < end; i++) if (CONTRASTS.has(tokens[i].word)) contrastAt = i;
    for (let i = sentenceStart; i < end; i++) {
      const token = tokens[i];
      if (token.kind !== 'word') continue;
      let v = wordValence(token.word);
      if (v === 0) continue;
      let negated = false;
      for (let j = i - 1; j >= Math.max(sentenceStart, i - 3); j--) {
        const prev = tokens[j];
        if (prev.kind !== 'word' || CONTRASTS.has(prev.word)) break;
        if (NEGATORS.has(prev.word)) {
          negated = true;
          break;
        }
      }
      const before = i > sentenceStart ? tokens[i - 1].word : '';
      if (BOOSTERS.has(before)) v *= 1.3;
      else if (DAMPENERS.has(before)) v *= 0.7;
      if (token.caps) v *= 1.4;
      if (negated) v *= -0.74;
      if (contrastAt >= 0) v *= i < contrastAt ? 0.5 : 1.5;
      if (!negated && v < strongest) strongest = v;
      if (v < 0 && isTopicalWord(token.word)) topical += v;
      else valence += v;
    }
    sentenceStart = end + 1;
  }
  return { valence: valence + Math.max(topical, TOPICAL_FLOOR), strongest };
}

function countShouting(original: string): { shouted: number; words: number } {
  let shouted = 0;
  let words = 0;
  for (const m of original.matchAll(/\b[A-Za-z][A-Za-z']*\b/g)) {
    words++;
    const w = m[0];
    if (w.length >= 2 && w === w.toUpperCase() && !ACRONYMS.has(w)) shouted++;
  }
  return { shouted, words };
}

const CLOSER =
  /^(?:many |much )?(?:thanks|thank you|thx|ty|cheers|ta)(?: (?:so|very) much| again| in advance)?[\s,.!]*(?:[a-z]+\.?(?: [a-z]+)?)?[\s.!]*$/i;

/**
 * A trailing "Thanks, Anna" after a request is a sign-off, not praise: it is cut off and
 * counted as mild politeness. A message that is only thanks keeps its full weight.
 */
function splitSignOff(text: string): { body: string; signOff: boolean } {
  const pieces = text.trim().split(/(?<=[.!?])\s+|\s*\n+\s*/);
  // The sign-off may span the last two pieces ("Thanks,\nMaria").
  for (const size of [1, 2]) {
    if (pieces.length <= size) break;
    const closing = pieces.slice(-size).join(' ');
    const before = pieces.slice(0, -size).join(' ');
    if (/[a-z]{3,}/i.test(before) && CLOSER.test(closing)) return { body: before, signOff: true };
  }
  return { body: text, signOff: false };
}

/**
 * Scores one customer message. `ruleHits` may be passed when the caller already matched the
 * intent rules on the same text (they contribute the chargeback/fraud/damage signals).
 */
export function analyzeSentiment(
  text: string,
  ruleHits?: readonly IntentRuleHit[],
): SentimentResult {
  const { body, signOff } = splitSignOff(text);
  const original = foldText(body);
  let normalized = normalizeText(body);
  const signals = new Set<Signal>();
  let valence = signOff ? 0.6 : 0;

  for (const rule of PHRASE_RULES) {
    const matches = normalized.match(rule.pattern);
    if (!matches) continue;
    valence += rule.valence * Math.min(matches.length, 2);
    if (rule.signal) signals.add(rule.signal);
    if (rule.consume) normalized = normalized.replace(rule.pattern, ' , ');
  }
  for (const hit of ruleHits ?? matchIntentRules(body)) {
    const signal = hit.rule.signal;
    if (signal === undefined) continue;
    // A chargeback threat is as hostile as a legal one; a fraud report or a damaged, wrong or
    // missing item means something already went wrong for the customer.
    valence -= signal === SIGNAL.chargebackThreat ? 3.5 : signal === SIGNAL.fraudReport ? 1 : 0.5;
    signals.add(signal as Signal);
  }
  for (const [pattern, v] of EMOJI_VALENCE) {
    const n = original.match(pattern)?.length ?? 0;
    valence += v * Math.min(n, 3);
  }

  const walk = walkLexicon(tokenize(original, normalized));
  valence += walk.valence;
  if (walk.strongest <= -2.5) signals.add(SIGNAL.strongLanguage);

  // Emphasis amplifies whichever way the message already leans; on a neutral or negative
  // message in a support inbox it reads as anger.
  const { shouted, words } = countShouting(original);
  const isShouting = shouted >= 3 || (shouted >= 2 && shouted / Math.max(words, 1) >= 0.25);
  const bangs = (original.match(/!/g) ?? []).length;
  const heavyPunctuation = /[!?]{3,}|!!|\?\?|\?!|!\?/.test(original) || bangs >= 3;
  const leansPositive = valence > 1;
  if (isShouting) {
    if (leansPositive) valence += 0.8;
    else {
      valence -= 1.5;
      signals.add(SIGNAL.shouting);
    }
  }
  if (heavyPunctuation) {
    if (leansPositive) valence += 0.5;
    else {
      valence -= 0.8;
      signals.add(SIGNAL.excessivePunctuation);
    }
  } else if (bangs > 0 && leansPositive) {
    valence += 0.3;
  }
  if (valence <= 0) signals.delete(SIGNAL.gratitude);
  else if (/\b(thanks|thank|appreciate|appreciated|grateful)\b/.test(normalized) && valence >= 1.5)
    signals.add(SIGNAL.gratitude);

  const score = 0.5 + 0.5 * Math.tanh(valence / (valence < 0 ? SCALE_NEGATIVE : SCALE_POSITIVE));
  return { score: Math.round(score * 1000) / 1000, valence, signals: [...signals] };
}
