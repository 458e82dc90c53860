/**
 * The rule for a new passphrase (the vault's, when it is created or changed): the one rule the
 * pages check before they send and the background checks again, worded by the page that shows it
 * (docs/ARCHITECTURE.md, 'Problems and words').
 */
import { type Failure, fail } from './problems';

export const MIN_PASSPHRASE_LENGTH = 8;

/** A new passphrase refused, with the field of the pair it is about. */
export type NewPassphraseFailure = Failure & { field: 'passphrase' | 'confirmation' };

export function validateNewPassphrase(passphrase: string, confirmation: string): NewPassphraseFailure | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { ...fail('problemPassphraseTooShort', MIN_PASSPHRASE_LENGTH, passphrase.length), field: 'passphrase' };
  }
  if (passphrase !== confirmation) return { ...fail('problemPassphrasesDiffer'), field: 'confirmation' };
  return null;
}
