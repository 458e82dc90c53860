import { useState } from 'preact/hooks';
import { Field, Select } from '@/components/Field';
import { failureText } from '@/components/failure-text';
import { NewPassphraseFields } from '@/components/NewPassphraseFields';
import { useNewPassphrase } from '@/hooks/useNewPassphrase';
import { DEFAULT_PBKDF2_ITERATIONS } from '@/lib/crypto';
import { describeLeftOut } from '@/lib/formats';
import type { PlainExportKind } from '@/lib/messages';
import { download } from '@/utils/download';
import { formatNumber, pageWords, t, tp } from '@/utils/i18n';
import { send } from '@/utils/send';

type Outcome = { ok: boolean; message: string; field?: string } | null;

export function ExportSection() {
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <EncryptedBackup />
      <PlainExport />
    </section>
  );
}

/** `ids`: export only these accounts (the account table's selection); `idPrefix` keeps element ids unique when shown twice. */
interface ExportFormProps {
  ids?: string[];
  idPrefix?: string;
}

export function EncryptedBackup({ ids, idPrefix = '' }: ExportFormProps) {
  const fields = useNewPassphrase();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const { passphrase, confirmation } = fields.value;
    const reply = await send({ type: 'export:backup', passphrase, confirmation, ids });
    setBusy(false);
    if (!reply.ok) {
      setOutcome({ ok: false, message: failureText(reply), field: reply.field });
      return;
    }
    download(reply.file.text, reply.file.fileName, reply.file.type);
    fields.clear();
    setOutcome({ ok: true, message: tp('savedEncryptedBackup', reply.count, [reply.file.fileName, reply.count]) });
  }

  const errorFor = (field: string) => (outcome && !outcome.ok && outcome.field === field ? outcome.message : null);
  return (
    <form onSubmit={submit} aria-busy={busy} aria-labelledby={`${idPrefix}backup-heading`}>
      <h3 id={`${idPrefix}backup-heading`}>{t('encryptedBackupHeading')}</h3>
      <p class="note">{t('encryptedBackupNote', formatNumber(DEFAULT_PBKDF2_ITERATIONS))}</p>
      <NewPassphraseFields
        value={fields.value}
        onChange={fields.change}
        labels={{ passphrase: t('backupPassphraseNew'), confirmation: t('backupPassphraseConfirm') }}
        errors={{ passphrase: errorFor('passphrase'), confirmation: errorFor('confirmation') }}
      />
      <button type="submit" disabled={busy}>
        {t('exportEncryptedBackup')}
      </button>
      {outcome && !outcome.field ? (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}

const plainKinds = () =>
  [
    { value: 'otpauth-links', label: t('plainKindLinks') },
    { value: 'entra-csv', label: t('plainKindEntraCsv') },
  ] as const;

export function PlainExport({ ids, idPrefix = '' }: ExportFormProps) {
  const [kind, setKind] = useState<PlainExportKind>('otpauth-links');
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const reply = await send({ type: 'export:plain', kind, vaultPassphrase, acknowledged, ids });
    if (!reply.ok) {
      setOutcome({ ok: false, message: failureText(reply), field: reply.field });
      return;
    }
    download(reply.file.text, reply.file.fileName, reply.file.type);
    setVaultPassphrase('');
    setAcknowledged(false);
    const saved = tp('savedPlainExport', reply.count, [reply.file.fileName, reply.count]);
    const leftOut =
      reply.leftOut.length > 0
        ? ` ${t('leftOut', reply.leftOut.map((a) => describeLeftOut(a, pageWords)).join('; '))}`
        : '';
    setOutcome({ ok: true, message: `${saved}${leftOut}` });
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${idPrefix}plain-heading`}>
      <h3 id={`${idPrefix}plain-heading`}>{t('plainExportHeading')}</h3>
      <p class="warning">{t('plainExportWarning')}</p>
      <Select label={t('format')} value={kind} options={plainKinds()} onChange={setKind} />
      <Field
        label={t('vaultPassphrase')}
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
        {t('plainExportAcknowledge')}
      </label>
      <button type="submit" disabled={!acknowledged}>
        {t('exportPlainFile')}
      </button>
      {outcome && outcome.field !== 'vaultPassphrase' ? (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
