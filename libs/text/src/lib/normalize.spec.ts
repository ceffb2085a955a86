import { foldText, normalizeText, splitSegments, wordTokens } from './normalize';

describe('normalizeText', () => {
  it.each([
    ["I haven't received it", 'i have not received it'],
    ["It won't turn on and I can't log in", 'it will not turn on and i can not log in'],
    ['I cannot pay', 'i can not pay'],
    ["I'm sure it's been two weeks", 'i am sure it has been two weeks'],
    ["it's broken", 'it is broken'],
    ['They\u2019ve   SENT\nthe wrong one', 'they have sent the wrong one'],
  ])('normalises %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps case when only folding', () => {
    expect(foldText('WHERE\u2019S  my order\u2014now')).toBe("WHERE'S my order - now");
  });
});

describe('wordTokens', () => {
  it.each([
    ['where is order #12345?', ['where', 'is', 'order', '<num>']],
    ['refund of $19.99 please', ['refund', 'of', '<num>', 'please']],
    ["e-mail isn't working", ['e-mail', 'isnt', 'working']],
  ])('tokenises %j', (input, expected) => {
    expect(wordTokens(input)).toEqual(expected);
  });
});

describe('splitSegments', () => {
  it.each([
    ['My parcel arrived damaged. I was also charged twice!', 2],
    ['Where is my order?', 1],
    ['The box was crushed\nand the lid is missing', 2],
    ['Refund me please. Also, change my address', 2],
    ['My order is late, and also the invoice is wrong', 2],
    ['...', 0],
  ])('splits %j into %i segments', (input, count) => {
    expect(splitSegments(input)).toHaveLength(count);
  });
});
