import { useEffect, useState } from 'preact/hooks';
import { Field } from '@/components/Field';
import { failureText } from '@/components/failure-text';
import { NewPassphraseFields } from '@/components/NewPassphraseFields';
import { useNewPassphrase } from '@/hooks/useNewPassphrase';
import { formatNumber, t } from '@/utils/i18n';
import { send } from '@/utils/send';

const STRONGER_ITERATIONS = 1_000_000;

/** Change the passphrase (re-wraps the data key), raise the KDF cost, or delete the vault. */
export function VaultSection() {
  const [iterations, setIterations] = useState<number | null>(null);
  useEffect(() => {
    void send({ type: 'settings:get' }).then((reply) => reply.ok && setIterations(reply.iterations));
  }, []);
  if (iterations === null) return null;
  return (
    <section aria-labelledby="vault-heading">
      <h2 id="vault-heading">{t('vault')}</h2>
      <ChangePassphrase iterations={iterations} onChanged={setIterations} />
      <DeleteVault />
    </section>
  );
}

function ChangePassphrase({ iterations, onChanged }: { iterations: number; onChanged: (n: number) => void }) {
  const [current, setCurrent] = useState('');
  const nextFields = useNewPassphrase();
  const [stronger, setStronger] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const target = stronger ? Math.max(iterations, STRONGER_ITERATIONS) : iterations;
    const { passphrase: next, confirmation } = nextFields.value;
    const reply = await send({ type: 'vault:change-passphrase', current, next, confirmation, iterations: target });
    setBusy(false);
    if (reply.ok) {
      setCurrent('');
      nextFields.clear();
      onChanged(target);
      setOutcome({ ok: true, message: t('passphraseChanged') });
    } else setOutcome({ ok: false, message: failureText(reply) });
  }

  return (
    <form onSubmit={submit} aria-busy={busy} aria-labelledby="change-heading">
      <h3 id="change-heading">{t('changePassphrase')}</h3>
      <Field
        label={t('currentPassphrase')}
        type="password"
        value={current}
        onInput={setCurrent}
        autoComplete="current-password"
      />
      <NewPassphraseFields
        value={nextFields.value}
        onChange={nextFields.change}
        labels={{ passphrase: t('newPassphrase'), confirmation: t('confirmNewPassphrase') }}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={stronger}
          disabled={iterations >= STRONGER_ITERATIONS}
          onChange={(e) => setStronger((e.currentTarget as HTMLInputElement).checked)}
        />
        {t('raiseIterations', formatNumber(STRONGER_ITERATIONS))}
      </label>
      <p class="note">{t('iterationsNow', formatNumber(iterations))}</p>
      <button type="submit" disabled={busy}>
        {t('changePassphrase')}
      </button>
      {outcome ? (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}

function DeleteVault() {
  const [confirmation, setConfirmation] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const reply = await send({ type: 'vault:delete', confirmation });
    setOutcome(reply.ok ? { ok: true, message: t('vaultDeleted') } : { ok: false, message: failureText(reply) });
    if (reply.ok) setConfirmation('');
  }

  return (
    <form onSubmit={submit} aria-labelledby="delete-heading">
      <h3 id="delete-heading">{t('deleteVaultHeading')}</h3>
      <p class="note">{t('deleteVaultNote')}</p>
      <Field
        label={t('typeDeleteToConfirm')}
        value={confirmation}
        onInput={setConfirmation}
        error={outcome && !outcome.ok ? outcome.message : null}
      />
      <button type="submit" class="danger" disabled={confirmation !== 'DELETE'}>
        {t('deleteVault')}
      </button>
      {outcome?.ok ? <p role="status">{outcome.message}</p> : null}
    </form>
  );
}
