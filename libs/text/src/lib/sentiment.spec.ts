import { SENTIMENT_BANDS, SENTIMENT_CASES, sentimentBand } from './fixtures/sentiment-cases';
import { analyzeSentiment } from './sentiment';

const score = (text: string) => analyzeSentiment(text).score;

describe('analyzeSentiment', () => {
  it.each(SENTIMENT_CASES.map((c) => [c.band, c.text, c.signals ?? []] as const))(
    '%s: %s',
    (band, text, signals) => {
      const result = analyzeSentiment(text);
      const [min, max] = SENTIMENT_BANDS[band];
      expect(result.score).toBeGreaterThanOrEqual(min);
      expect(result.score).toBeLessThan(max);
      expect(result.signals).toEqual(expect.arrayContaining([...signals]));
    },
  );

  it('covers every band with several messages', () => {
    for (const band of ['furious', 'annoyed', 'neutral', 'positive'] as const) {
      expect(SENTIMENT_CASES.filter((c) => c.band === band).length).toBeGreaterThanOrEqual(8);
    }
  });

  it.each([
    ['I am happy with the order', 'I am not happy with the order'],
    ['The parcel arrived', 'The parcel never arrived'],
    ['I received my order', "I haven't received my order"],
    ['I am still waiting for my order', "I still haven't received my order"],
    ['Where is my order?', 'Where is my order? This is the third time I ask.'],
    ['Where is my order?', 'Where is my order? No response to my emails.'],
    ['Where is my order?', 'Where is my order?!!!'],
    ['Where is my order?', 'WHERE IS MY ORDER?'],
    ['Please refund me.', 'Please refund me or I will dispute the charge with my bank.'],
    ['Please refund me.', 'Please refund me or I will leave a bad review.'],
    ['Please refund me.', 'Please refund me or I will take my business elsewhere.'],
    ['Please refund me.', 'This is ridiculous. Please refund me.'],
  ])('%j scores higher than %j', (calmer, angrier) => {
    expect(score(calmer)).toBeGreaterThan(score(angrier));
  });

  it.each([
    ['My UPS tracking for SKU 1234 says ASAP delivery, is that right?'],
    ['Is the XL available in the USA and the UK?'],
  ])('does not treat acronyms as shouting: %j', (text) => {
    expect(analyzeSentiment(text).signals).not.toContain('shouting');
    expect(sentimentBand(score(text))).toBe('neutral');
  });

  it('treats capitals in a happy message as enthusiasm, not shouting', () => {
    const result = analyzeSentiment('THANK YOU SO MUCH, YOU ARE AMAZING');
    expect(result.signals).not.toContain('shouting');
    expect(result.score).toBeGreaterThan(0.7);
  });

  it.each([
    ['Can you check my order status?\nThanks,\nMaria'],
    ['Can you check my order status? Thanks, Maria'],
    ['Can you check my order status?\n\nThank you so much\nMaria Lopez'],
  ])('treats a trailing "Thanks, Name" as a sign-off, not praise: %j', (text) => {
    expect(score(text)).toBeGreaterThan(0.5);
    expect(score(text)).toBeLessThan(0.6);
  });

  it('keeps the full weight of thanks that are the whole message', () => {
    expect(sentimentBand(score('Thanks!'))).toBe('positive');
  });

  it('weights what follows "but" more than what precedes it', () => {
    expect(score('The parcel was damaged but the support was excellent')).toBeGreaterThan(0.5);
    expect(score('The support was excellent but the parcel was damaged again')).toBeLessThan(
      score('The parcel was damaged but the support was excellent'),
    );
  });

  it('returns a neutral 0.5 for empty text and stays within 0..1', () => {
    expect(score('')).toBe(0.5);
    expect(
      score('NO NO NO!!! WORST WORST WORST scam fraud lawyer chargeback!!!'),
    ).toBeGreaterThanOrEqual(0);
    expect(score('love love love amazing perfect thanks thanks')).toBeLessThanOrEqual(1);
  });
});
