import { generateTemporaryPassword, passwordProblems } from './password-policy';

describe('password policy', () => {
  const email = 'sam.rivera@example.com';

  it('accepts a long password mixing three classes', () => {
    expect(passwordProblems('Correct-Horse-Battery-9', email)).toEqual([]);
  });

  it('lists every rule a password breaks', () => {
    const messages = passwordProblems('sam.rivera', email).map((p) => p.message);
    expect(messages).toEqual([
      'must be at least 12 characters long',
      'must not contain the email address or its part before the @',
      'must use at least 3 of: lower-case letters, upper-case letters, digits, symbols (it uses 2)',
    ]);
  });

  it('refuses common passwords, also with digits and symbols appended', () => {
    expect(passwordProblems('Password123456!', email).map((p) => p.message)).toEqual([
      'must not be a commonly used password',
    ]);
    expect(passwordProblems('qwertyuiop123', email).map((p) => p.message)).toContain(
      'must not be a commonly used password',
    );
  });

  it('generates temporary passwords that pass the policy', () => {
    for (let i = 0; i < 50; i += 1) {
      const pw = generateTemporaryPassword();
      expect(pw).toHaveLength(16);
      expect(passwordProblems(pw, email)).toEqual([]);
    }
  });
});
