import { useState } from 'preact/hooks';
import type { SubmitOverride } from '@/lib/accounts';
import type { AccountView } from '@/lib/messages';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';
import { Field, Select } from './Field';
import { failureText } from './failure-text';

const submitOptions = () =>
  [
    { value: 'default', label: t('submitAsInSettings') },
    { value: 'always', label: t('submitAlways') },
    { value: 'never', label: t('submitNever') },
  ] as const;

export function EditAccount({ account, onDone }: { account: AccountView; onDone: (message: string | null) => void }) {
  const [name, setName] = useState(account.name);
  const [issuer, setIssuer] = useState(account.issuer);
  const [pinned, setPinned] = useState(account.pinned);
  const [submitAfterFill, setSubmitAfterFill] = useState<SubmitOverride>(account.submitAfterFill);
  const [codeInsteadOfPush, setCodeInsteadOfPush] = useState<SubmitOverride>(account.codeInsteadOfPush ?? 'default');
  const [error, setError] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    const reply = await send({
      type: 'accounts:update',
      id: account.id,
      changes: { name, issuer, pinned, submitAfterFill, codeInsteadOfPush },
    });
    if (reply.ok) onDone(t('savedName', name.trim()));
    else setError(failureText(reply));
  }

  async function remove() {
    const reply = await send({ type: 'accounts:delete', id: account.id });
    if (reply.ok) onDone(t('deletedName', account.name));
    else setError(failureText(reply));
  }

  async function reveal() {
    const reply = await send({ type: 'accounts:reveal-secret', id: account.id });
    if (reply.ok) setSecret(reply.secret.replace(/(.{4})/g, '$1 ').trim());
    else setError(failureText(reply));
  }

  if (confirmingDelete) {
    return (
      <div class="panel" role="alertdialog" aria-labelledby="delete-heading" aria-describedby="delete-text">
        <h1 id="delete-heading">{t('deleteAccountQuestion', account.name)}</h1>
        <p id="delete-text">{t('deleteAccountExplanation')}</p>
        <div class="actions">
          <button type="button" autoFocus onClick={() => setConfirmingDelete(false)}>
            {t('cancel')}
          </button>
          <button type="button" class="danger" onClick={remove}>
            {t('delete')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form class="panel" onSubmit={save} aria-labelledby="edit-heading">
      <h1 id="edit-heading">{t('editAccount')}</h1>
      <Field label={t('accountName')} value={name} onInput={setName} autoFocus error={error} />
      <Field label={t('issuer')} value={issuer} onInput={setIssuer} />
      <Select
        label={t('submitAfterFilling')}
        value={submitAfterFill}
        options={submitOptions()}
        onChange={setSubmitAfterFill}
      />
      <Select
        label={t('codeInsteadOfPush')}
        value={codeInsteadOfPush}
        options={submitOptions()}
        onChange={setCodeInsteadOfPush}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={pinned}
          onChange={(e) => setPinned((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('pinToTop')}
      </label>
      <div class="secret">
        {secret ? (
          <p>
            <span class="sr-only">{t('secretKey')}: </span>
            <code>{secret}</code>
          </p>
        ) : (
          <button type="button" onClick={reveal}>
            {t('showSecretKey')}
          </button>
        )}
      </div>
      <div class="actions">
        <button type="button" class="danger" onClick={() => setConfirmingDelete(true)}>
          {t('deleteAccount')}
        </button>
        <span class="spacer" />
        <button type="button" onClick={() => onDone(null)}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
