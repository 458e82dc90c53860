import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, validateNewPassphrase } from './new-passphrase';

describe('validateNewPassphrase', () => {
  it.each([
    ['short', 'short', { code: 'problemPassphraseTooShort', params: [MIN_PASSPHRASE_LENGTH, 5] }, 'passphrase'],
    ['long enough', 'long enougH', { code: 'problemPassphrasesDiffer', params: [] }, 'confirmation'],
  ])('%j / %j → %j on the %s field', (passphrase, confirmation, problem, field) => {
    expect(validateNewPassphrase(passphrase, confirmation)).toMatchObject({ ok: false, problem, field });
  });

  it('says the rule in English for logs', () => {
    expect(validateNewPassphrase('short', 'short')?.error).toContain('at least 8 characters (it has 5)');
  });

  it('takes a passphrase of the minimum length typed twice', () => {
    const passphrase = 'x'.repeat(MIN_PASSPHRASE_LENGTH);
    expect(validateNewPassphrase(passphrase, passphrase)).toBeNull();
  });
});
