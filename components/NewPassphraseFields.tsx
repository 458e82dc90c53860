import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Field } from './Field';

/** A passphrase being chosen, typed twice: the background compares the two as well. */
export interface NewPassphrase {
  passphrase: string;
  confirmation: string;
}

const EMPTY: NewPassphrase = { passphrase: '', confirmation: '' };

/** The state of a pair of new-passphrase fields; `clear` once the passphrase was used. */
export function useNewPassphrase() {
  const [value, setValue] = useState<NewPassphrase>(EMPTY);
  return {
    value,
    // A functional update: two inputs before a render must not undo each other.
    change: (part: Partial<NewPassphrase>) => setValue((old) => ({ ...old, ...part })),
    clear: () => setValue(EMPTY),
  };
}

interface NewPassphraseFieldsProps {
  value: NewPassphrase;
  onChange: (part: Partial<NewPassphrase>) => void;
  /** The two fields' accessible names: each form names what the passphrase is for. */
  labels: { passphrase: string; confirmation: string };
  /** Each field's own error, announced and tied to that field (see Field). */
  errors?: { passphrase?: string | null; confirmation?: string | null };
  hint?: ComponentChildren;
  autoFocus?: boolean;
}

/**
 * A new passphrase and its confirmation, as the vault creation, the passphrase change and the
 * encrypted backup ask for them: password inputs marked `new-password`, so a password manager
 * offers to generate and save rather than fill an old one.
 */
export function NewPassphraseFields({ value, onChange, labels, errors, hint, autoFocus }: NewPassphraseFieldsProps) {
  return (
    <>
      <Field
        label={labels.passphrase}
        type="password"
        value={value.passphrase}
        onInput={(passphrase) => onChange({ passphrase })}
        autoFocus={autoFocus}
        autoComplete="new-password"
        error={errors?.passphrase ?? null}
        hint={hint}
      />
      <Field
        label={labels.confirmation}
        type="password"
        value={value.confirmation}
        onInput={(confirmation) => onChange({ confirmation })}
        autoComplete="new-password"
        error={errors?.confirmation ?? null}
      />
    </>
  );
}
