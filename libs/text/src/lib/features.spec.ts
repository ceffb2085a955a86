import { contentTokens, intentFeatures, stem } from './features';

describe('intent features', () => {
  it('drops function words and pleasantries but keeps question words and negations', () => {
    expect(contentTokens('Hi, where is my order? It has not arrived, thanks')).toEqual([
      'where',
      'order',
      'not',
      'arrived',
    ]);
  });

  it('builds stemmed unigrams and adjacent bigrams once each', () => {
    const features = intentFeatures('Cancel my order, please cancel the order');
    expect(features).toEqual(
      expect.arrayContaining(['cancel', 'order', 'cancel order', 'order cancel']),
    );
    expect(features.filter((f) => f === 'cancel')).toHaveLength(1);
  });

  it('maps order numbers to one token', () => {
    expect(intentFeatures('track 123-456')).toEqual(intentFeatures('track 987654'));
  });

  it.each([
    ['cancelling', 'cancel'],
    ['refunds', 'refund'],
    ['addresses', 'address'],
    ['<num>', '<num>'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});
