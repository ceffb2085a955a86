import { randomInt } from 'node:crypto';

import { FieldError } from '@quimbi/server-kit';

import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
const COMMON = new Set(COMMON_PASSWORDS);

const CLASSES: { name: string; test: RegExp }[] = [
  { name: 'lower-case letters', test: /[a-z]/ },
  { name: 'upper-case letters', test: /[A-Z]/ },
  { name: 'digits', test: /[0-9]/ },
  { name: 'symbols', test: /[^A-Za-z0-9]/ },
];

/**
 * Every rule `password` breaks, as field errors (empty when it is acceptable): at least 12
 * characters, not containing the email or its local part, not a common password, and at least
 * three of the four character classes.
 */
export function passwordProblems(password: string, email: string, field = 'password'): FieldError[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (address && (lower.includes(address) || (local.length >= 3 && lower.includes(local)))) {
    problems.push('must not contain the email address or its part before the @');
  }
  const stripped = lower.replace(/[^a-z]+$/, '');
  if (COMMON.has(lower) || (stripped.length >= 4 && COMMON.has(stripped))) {
    problems.push('must not be a commonly used password');
  }
  const classes = CLASSES.filter((c) => c.test.test(password)).length;
  if (classes < 3) {
    problems.push(
      `must use at least 3 of: ${CLASSES.map((c) => c.name).join(', ')} (it uses ${classes})`,
    );
  }
  return problems.map((message) => ({ field, message }));
}

const ALPHABETS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_!@#%+='];

/** A random 16-character temporary password that satisfies the policy for any email. */
export function generateTemporaryPassword(length = 16): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
