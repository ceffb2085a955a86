import { INTENTS } from '@quimbi/contracts';

import { analyzeMessage, analyzeTicket, type TicketMessageInput } from './analyze';

const t0 = Date.parse('2024-05-01T09:00:00Z');
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const customer = (text: string, minutes: number): TicketMessageInput => ({
  text,
  at: at(minutes),
  fromCustomer: true,
});
const agent = (text: string, minutes: number): TicketMessageInput => ({
  text,
  at: at(minutes),
  fromCustomer: false,
});

describe('analyzeMessage', () => {
  it('returns every field within range', () => {
    const result = analyzeMessage(
      "I still haven't received order 4411 and nobody answers my emails!!!",
    );
    expect(INTENTS).toContain(result.intent);
    for (const value of [result.sentiment, result.intentConfidence, result.difficulty]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(['easy', 'normal', 'complex']).toContain(result.difficultyClass);
    expect(result.signals).toEqual(expect.arrayContaining(['still waiting', 'no response']));
    expect(Object.keys(result).sort()).toEqual(
      [
        'difficulty',
        'difficultyClass',
        'intent',
        'intentConfidence',
        'sentiment',
        'signals',
        'subIntent',
      ].sort(),
    );
  });

  it.each([
    [
      'My parcel arrived damaged. Also, I was charged twice for it and my account password no longer works.',
      true,
    ],
    ['The lamp arrived broken. I would like a refund please.', false],
    ['Where is my order? It was due on Monday.', false],
  ])('flags multiple unrelated issues in %j: %s', (text, expected) => {
    expect(analyzeMessage(text).signals.includes('multiple issues')).toBe(expected);
  });

  it.each([
    ['You rejected my refund request but the item is faulty.', true],
    ['Can I get a refund?', false],
  ])('flags a disputed decision in %j: %s', (text, expected) => {
    expect(analyzeMessage(text).signals.includes('disputes a decision')).toBe(expected);
  });

  it('flags long messages', () => {
    const long = `My order is late. ${'I have been waiting patiently for it for a while now. '.repeat(15)}`;
    expect(analyzeMessage(long).signals).toContain('long message');
    expect(analyzeMessage('My order is late.').signals).not.toContain('long message');
  });
});

describe('analyzeTicket', () => {
  const ANGRY = 'This is ridiculous, NOBODY answers and my order never arrived!!!';
  const CALM = 'Ok, thanks for the update, that is fine.';

  it('weights recent customer messages most', () => {
    const angryThenCalm = analyzeTicket([customer(ANGRY, 0), customer(CALM, 60)]);
    const calmThenAngry = analyzeTicket([customer(CALM, 0), customer(ANGRY, 60)]);
    expect(angryThenCalm.sentiment).toBeGreaterThan(calmThenAngry.sentiment);
    // The weighted mean sits closer to the latest message than to the earlier one.
    const angry = analyzeMessage(ANGRY).sentiment;
    const calm = analyzeMessage(CALM).sentiment;
    expect(Math.abs(calmThenAngry.sentiment - angry)).toBeLessThan(
      Math.abs(calmThenAngry.sentiment - calm),
    );
    expect(Math.abs(angryThenCalm.sentiment - calm)).toBeLessThan(
      Math.abs(angryThenCalm.sentiment - angry),
    );
  });

  it('lets a smaller decay make the latest message count even more', () => {
    const messages = [customer(CALM, 0), customer(ANGRY, 60)];
    expect(analyzeTicket(messages, { decay: 0.2 }).sentiment).toBeLessThan(
      analyzeTicket(messages, { decay: 0.8 }).sentiment,
    );
  });

  it('orders messages by time, not by array position', () => {
    const inOrder = analyzeTicket([customer(CALM, 0), customer(ANGRY, 60)]);
    const shuffled = [customer(ANGRY, 60), customer(CALM, 0)];
    expect(analyzeTicket(shuffled).sentiment).toBe(inOrder.sentiment);
    const isoStrings = shuffled.map((m) => ({ ...m, at: (m.at as Date).toISOString() }));
    expect(analyzeTicket(isoStrings).sentiment).toBe(inOrder.sentiment);
    const epochMs = shuffled.map((m) => ({ ...m, at: (m.at as Date).getTime() }));
    expect(analyzeTicket(epochMs).sentiment).toBe(inOrder.sentiment);
  });

  it('ignores agent messages for sentiment and intent', () => {
    const withAgent = analyzeTicket([
      customer('Where is my order 5512?', 0),
      agent('We are so sorry, this is terrible, we will refund you and cancel the order!!!', 10),
    ]);
    expect(withAgent.sentiment).toBe(analyzeMessage('Where is my order 5512?').sentiment);
    expect(withAgent.intent).toBe('order_status');
    expect(withAgent.customerMessages).toBe(1);
  });

  it('takes the intent from the latest substantive message, not a short nudge', () => {
    const ticket = analyzeTicket([
      customer('I want to cancel my order 7781 please, I ordered it by mistake.', 0),
      agent('Looking into it.', 5),
      customer('any news?', 120),
    ]);
    expect(ticket.intent).toBe('cancellation');
  });

  it('uses the subject when the messages say little', () => {
    expect(
      analyzeTicket([customer('hello?', 0)], { subject: 'Refund for order 8812' }).intent,
    ).toBe('refund');
  });

  it('keeps a chargeback threat decisive over a later plain request', () => {
    const ticket = analyzeTicket([
      customer('If I do not get my money back I will file a chargeback with my bank.', 0),
      customer('Please just refund order 5512.', 30),
    ]);
    expect(ticket.intent).toBe('chargeback_or_fraud');
    expect(ticket.signals).toContain('chargeback threat');
    expect(ticket.difficultyClass).toBe('complex');
  });

  it('flags follow-ups nobody answered and long threads', () => {
    const ticket = analyzeTicket([
      customer('Where is my order 1001?', 0),
      agent('It is on its way.', 30),
      customer('It still has not arrived.', 60 * 24),
      customer('Hello? Any update?', 60 * 48),
      customer('Is anyone there?', 60 * 72),
    ]);
    expect(ticket.signals).toEqual(
      expect.arrayContaining(['unanswered follow-ups', 'long thread']),
    );
    const answered = analyzeTicket([
      customer('Where is my order 1001?', 0),
      agent('It is on its way.', 30),
    ]);
    expect(answered.signals).not.toContain('unanswered follow-ups');
    expect(ticket.difficulty).toBeGreaterThan(answered.difficulty);
  });

  it('flags several unrelated issues across the thread', () => {
    const ticket = analyzeTicket([
      customer('I forgot my password and cannot log in to my account.', 0),
      agent('Reset link sent.', 10),
      customer(
        'Thanks. Also, can you change the delivery address of order 4411 to 3 Hill Street?',
        20,
      ),
    ]);
    expect(ticket.signals).toContain('multiple issues');
  });

  it('returns a neutral, easy result for a ticket without customer text', () => {
    expect(analyzeTicket([agent('Hello, how can we help?', 0)])).toMatchObject({
      sentiment: 0.5,
      intent: 'other',
      intentConfidence: 0,
      difficultyClass: 'easy',
      signals: [],
      customerMessages: 0,
    });
  });

  it.each([0.2, 0.5, 0.9])('keeps scores in range with decay %d', (decay) => {
    const ticket = analyzeTicket(
      [
        customer('Where is my refund?', 0),
        customer('Still nothing!!', 10),
        customer('Hello??', 20),
      ],
      { decay },
    );
    for (const value of [ticket.sentiment, ticket.intentConfidence, ticket.difficulty]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
