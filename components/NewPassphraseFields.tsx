import type { ComponentChildren } from 'preact';
import type { NewPassphrase } from '@/hooks/useNewPassphrase';
import { Field } from './Field';

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
