import { useState } from 'preact/hooks';
import { Field, Select } from '@/components/Field';
import { download } from '@/components/image-pixels';
import { send } from '@/components/send';
import type { PlainExportKind } from '@/lib/messages';

type Outcome = { ok: boolean; message: string; field?: string } | null;

export function ExportSection() {
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <EncryptedBackup />
      <PlainExport />
    </section>
  );
}

function EncryptedBackup() {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const reply = await send({ type: 'export:backup', passphrase, confirmation });
    setBusy(false);
    if (!reply.ok) {
      setOutcome({ ok: false, message: reply.error, field: reply.field });
      return;
    }
    download(reply.file.text, reply.file.fileName, reply.file.type);
    setPassphrase('');
    setConfirmation('');
    setOutcome({ ok: true, message: `Saved ${reply.file.fileName} with ${reply.count} accounts, encrypted.` });
  }

  const errorFor = (field: string) => (outcome && !outcome.ok && outcome.field === field ? outcome.message : null);
  return (
    <form onSubmit={submit} aria-busy={busy} aria-labelledby="backup-heading">
      <h3 id="backup-heading">Encrypted backup</h3>
      <p class="note">
        One file with every account, encrypted with a passphrase you choose now (PBKDF2-SHA256, 600,000 iterations,
        AES-GCM). Restore it here, in any browser, with "Import file".
      </p>
      <Field
        label="Passphrase for the backup"
        type="password"
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="new-password"
        error={errorFor('passphrase')}
      />
      <Field
        label="Confirm passphrase for the backup"
        type="password"
        value={confirmation}
        onInput={setConfirmation}
        autoComplete="new-password"
        error={errorFor('confirmation')}
      />
      <button type="submit" disabled={busy}>
        Export encrypted backup
      </button>
      {outcome && !outcome.field ? (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}

const PLAIN_KINDS = [
  { value: 'otpauth-links', label: 'otpauth:// links, one per line' },
  { value: 'entra-csv', label: 'Entra OATH token CSV' },
] as const;

function PlainExport() {
  const [kind, setKind] = useState<PlainExportKind>('otpauth-links');
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const reply = await send({ type: 'export:plain', kind, vaultPassphrase, acknowledged });
    if (!reply.ok) {
      setOutcome({ ok: false, message: reply.error, field: reply.field });
      return;
    }
    download(reply.file.text, reply.file.fileName, reply.file.type);
    setVaultPassphrase('');
    setAcknowledged(false);
    const leftOut = reply.leftOut.length > 0 ? ` Left out: ${reply.leftOut.join('; ')}.` : '';
    setOutcome({ ok: true, message: `Saved ${reply.file.fileName} with ${reply.count} accounts.${leftOut}` });
  }

  return (
    <form onSubmit={submit} aria-labelledby="plain-heading">
      <h3 id="plain-heading">Plain export</h3>
      <p class="warning">
        This file holds your secret keys in plain text: anyone who reads it can generate your codes. Keep it only as
        long as you need it.
      </p>
      <Select label="Format" value={kind} options={PLAIN_KINDS} onChange={setKind} />
      <Field
        label="Vault passphrase"
        type="password"
        value={vaultPassphrase}
        onInput={setVaultPassphrase}
        autoComplete="current-password"
        error={outcome && !outcome.ok && outcome.field === 'vaultPassphrase' ? outcome.message : null}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={acknowledged}
          onChange={(e) => setAcknowledged((e.currentTarget as HTMLInputElement).checked)}
        />
        I understand that this file holds my secrets in plain text
      </label>
      <button type="submit" disabled={!acknowledged}>
        Export plain file
      </button>
      {outcome && outcome.field !== 'vaultPassphrase' ? (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
