import { useState } from 'preact/hooks';
import { useNewPassphrase } from '@/hooks/useNewPassphrase';
import { MIN_PASSPHRASE_LENGTH, validateNewPassphrase } from '@/lib/new-passphrase';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';
import { Field } from './Field';
import { failureText } from './failure-text';
import { NewPassphraseFields } from './NewPassphraseFields';

export function CreateVaultForm({ onCreated }: { onCreated: () => void }) {
  const fields = useNewPassphrase();
  const { passphrase, confirmation } = fields.value;
  const [error, setError] = useState<{ field: 'passphrase' | 'confirmation'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    // The background's own rule, checked here first so the message sits at its field.
    const refused = validateNewPassphrase(passphrase, confirmation);
    if (refused) {
      setError({ field: refused.field, message: failureText(refused) });
      return;
    }
    setBusy(true);
    const reply = await send({ type: 'vault:create', passphrase, confirmation });
    setBusy(false);
    if (reply.ok) onCreated();
    else setError({ field: 'passphrase', message: failureText(reply) });
  }

  return (
    <form class="panel" onSubmit={submit} aria-busy={busy} aria-labelledby="create-heading">
      <h1 id="create-heading">{t('createVaultTitle')}</h1>
      <p class="lead">{t('createVaultLead')}</p>
      <NewPassphraseFields
        value={fields.value}
        onChange={fields.change}
        labels={{ passphrase: t('passphrase'), confirmation: t('confirmPassphrase') }}
        errors={error ? { [error.field]: error.message } : undefined}
        hint={t('passphraseHint', MIN_PASSPHRASE_LENGTH)}
        autoFocus
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('creatingVault') : t('createVault')}
      </button>
    </form>
  );
}

/** `heading`: h1 where the form is the page (the popup), h2 where it is one section of it (options). */
export function UnlockForm({
  onUnlocked,
  onUnlockSent,
  heading = 'h1',
}: {
  onUnlocked: () => void;
  /** Called as the unlock request leaves, for a request meant to arrive right behind it. */
  onUnlockSent?: () => void;
  heading?: 'h1' | 'h2';
}) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const Heading = heading;

  async function submit(event: Event) {
    event.preventDefault();
    if (passphrase === '') {
      setError(t('enterPassphrase'));
      return;
    }
    setBusy(true);
    const unlocking = send({ type: 'vault:unlock', passphrase });
    onUnlockSent?.();
    const reply = await unlocking;
    setBusy(false);
    if (reply.ok) onUnlocked();
    else {
      setError(failureText(reply));
      setPassphrase('');
    }
  }

  return (
    <form class="panel" onSubmit={submit} aria-busy={busy} aria-labelledby="unlock-heading">
      <Heading id="unlock-heading">{t('unlockTitle')}</Heading>
      <Field
        label={t('passphrase')}
        type="password"
        value={passphrase}
        onInput={setPassphrase}
        autoFocus
        autoComplete="current-password"
        error={error}
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('unlocking') : t('unlock')}
      </button>
    </form>
  );
}
