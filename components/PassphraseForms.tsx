import { useState } from 'preact/hooks';
import { Field } from './Field';
import { send } from './send';

export function CreateVaultForm({ onCreated }: { onCreated: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<{ field: 'passphrase' | 'confirmation'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (passphrase.length < 8) {
      setError({
        field: 'passphrase',
        message: `The passphrase needs at least 8 characters (it has ${passphrase.length}).`,
      });
      return;
    }
    if (passphrase !== confirmation) {
      setError({ field: 'confirmation', message: 'The two passphrases do not match. Type the same passphrase twice.' });
      return;
    }
    setBusy(true);
    const reply = await send({ type: 'vault:create', passphrase, confirmation });
    setBusy(false);
    if (reply.ok) onCreated();
    else setError({ field: 'passphrase', message: reply.error });
  }

  return (
    <form class="panel" onSubmit={submit} aria-busy={busy}>
      <h1>Create your vault</h1>
      <p class="lead">
        Your TOTP secrets are encrypted with this passphrase. It cannot be recovered: if you forget it, the accounts in
        the vault are lost.
      </p>
      <Field
        label="Passphrase"
        type="password"
        value={passphrase}
        onInput={setPassphrase}
        autoFocus
        autoComplete="new-password"
        error={error?.field === 'passphrase' ? error.message : null}
        hint="At least 8 characters; a few unrelated words work well."
      />
      <Field
        label="Confirm passphrase"
        type="password"
        value={confirmation}
        onInput={setConfirmation}
        autoComplete="new-password"
        error={error?.field === 'confirmation' ? error.message : null}
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create vault'}
      </button>
    </form>
  );
}

export function UnlockForm({ onUnlocked }: { onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (passphrase === '') {
      setError('Enter your passphrase.');
      return;
    }
    setBusy(true);
    const reply = await send({ type: 'vault:unlock', passphrase });
    setBusy(false);
    if (reply.ok) onUnlocked();
    else {
      setError(reply.error);
      setPassphrase('');
    }
  }

  return (
    <form class="panel" onSubmit={submit} aria-busy={busy}>
      <h1>Unlock</h1>
      <Field
        label="Passphrase"
        type="password"
        value={passphrase}
        onInput={setPassphrase}
        autoFocus
        autoComplete="current-password"
        error={error}
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
