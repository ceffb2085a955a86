import {
  checkDraft,
  countCharacters,
  countWords,
  enforceChannelLimit,
  frameEmail,
  splitEmail,
  splitSentences,
  targetSize,
} from './channel-rules';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

describe('channel rules', () => {
  it('measures words and characters', () => {
    expect(countWords('  Hi Jane,\n\nYour order   shipped. ')).toBe(5);
    expect(countWords('')).toBe(0);
    expect(countCharacters('café ✓')).toBe(6);
    expect(checkDraft('x'.repeat(161), 'sms')).toEqual({
      within_limit: false,
      limit: 160,
      measured: 161,
      unit: 'characters',
    });
    expect(checkDraft(words(100), 'chat')).toEqual({
      within_limit: true,
      limit: 100,
      measured: 100,
      unit: 'words',
    });
    expect(checkDraft(words(76), 'phone').within_limit).toBe(false);
    expect(checkDraft(words(200), 'email').within_limit).toBe(true);
  });

  it('aims below the limit for shorter lengths', () => {
    expect(targetSize('email', 'short')).toBeLessThan(targetSize('email', 'long'));
    expect(targetSize('email', 'long')).toBe(200);
    expect(targetSize('sms', 'long')).toBe(160);
  });

  it('splits sentences without losing closing quotes', () => {
    expect(splitSentences('It says "Delivered." Then nothing. #10234 is late!')).toEqual([
      'It says "Delivered."',
      'Then nothing.',
      '#10234 is late!',
    ]);
  });

  it('finds greeting and closing of an email, and adds them when missing', () => {
    const email = 'Hi Jane,\n\nYour order shipped.\n\nKind regards,\nSam\nCustomer Support';
    expect(splitEmail(email)).toEqual({
      greeting: 'Hi Jane,',
      body: 'Your order shipped.',
      closing: 'Kind regards,\nSam\nCustomer Support',
    });
    expect(frameEmail('Your order shipped.', 'Jane')).toBe(
      'Hi Jane,\n\nYour order shipped.\n\nBest regards,\nCustomer Support',
    );
    expect(frameEmail('Your order shipped.\n\nThanks,', null)).toBe(
      'Hello,\n\nYour order shipped.\n\nThanks,\nCustomer Support',
    );
  });

  it('shortens an email sentence by sentence, keeping greeting and signature within 200 words', () => {
    const body = Array.from(
      { length: 30 },
      (_, i) => `Sentence ${i + 1} has exactly eight words in it.`,
    ).join(' ');
    const email = `Hi Jane,\n\n${body}\n\nBest regards,\nCustomer Support`;
    const out = enforceChannelLimit(email, 'email', 'Jane');
    expect(out.shortened).toBe(true);
    expect(countWords(out.text)).toBeLessThanOrEqual(200);
    expect(out.text.startsWith('Hi Jane,\n\nSentence 1 has')).toBe(true);
    expect(out.text.endsWith('.\n\nBest regards,\nCustomer Support')).toBe(true);
    // whole sentences only
    expect(
      splitEmail(out.text)
        .body.split(/(?<=\.) /)
        .every((s) => /^Sentence \d+ has exactly eight words in it\.$/.test(s)),
    ).toBe(true);
  });

  it('leaves a draft within the limit untouched', () => {
    const sms = 'Hi Jane! Order #10234 is out for delivery today.';
    expect(enforceChannelLimit(sms, 'sms')).toEqual({ text: sms, shortened: false });
  });

  it('cuts a single over-long sentence at a word boundary', () => {
    const sms = `Hi Jane ${words(60, 'parcel')}`;
    const out = enforceChannelLimit(sms, 'sms');
    expect(countCharacters(out.text)).toBeLessThanOrEqual(160);
    expect(out.text.endsWith('parcel…')).toBe(true);
  });

  it('drops trailing sentences of an SMS and chat first', () => {
    const sms = `Order #10234 is in transit with UPS. ${'It will arrive soon, we promise. '.repeat(6)}`;
    const out = enforceChannelLimit(sms, 'sms');
    expect(out.text.startsWith('Order #10234 is in transit with UPS.')).toBe(true);
    expect(countCharacters(out.text)).toBeLessThanOrEqual(160);
    const chat = `First paragraph here.\n\n${Array.from({ length: 20 }, () => 'Another sentence of six words.').join(' ')}`;
    const shortChat = enforceChannelLimit(chat, 'chat');
    expect(countWords(shortChat.text)).toBeLessThanOrEqual(100);
    expect(shortChat.text.startsWith('First paragraph here.\n\n')).toBe(true);
  });
});
