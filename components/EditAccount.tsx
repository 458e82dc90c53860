import { useState } from 'preact/hooks';
import type { SubmitOverride } from '@/lib/accounts';
import type { AccountView } from '@/lib/messages';
import { Field, Select } from './Field';
import { send } from './send';

const SUBMIT_OPTIONS = [
  { value: 'default', label: 'As in settings' },
  { value: 'always', label: 'Always submit' },
  { value: 'never', label: 'Never submit' },
] as const;

export function EditAccount({ account, onDone }: { account: AccountView; onDone: (message: string | null) => void }) {
  const [name, setName] = useState(account.name);
  const [issuer, setIssuer] = useState(account.issuer);
  const [pinned, setPinned] = useState(account.pinned);
  const [submitAfterFill, setSubmitAfterFill] = useState<SubmitOverride>(account.submitAfterFill);
  const [error, setError] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    const reply = await send({
      type: 'accounts:update',
      id: account.id,
      changes: { name, issuer, pinned, submitAfterFill },
    });
    if (reply.ok) onDone(`Saved ${name.trim()}.`);
    else setError(reply.error);
  }

  async function remove() {
    const reply = await send({ type: 'accounts:delete', id: account.id });
    if (reply.ok) onDone(`Deleted ${account.name}.`);
    else setError(reply.error);
  }

  async function reveal() {
    const reply = await send({ type: 'accounts:reveal-secret', id: account.id });
    if (reply.ok) setSecret(reply.secret.replace(/(.{4})/g, '$1 ').trim());
    else setError(reply.error);
  }

  if (confirmingDelete) {
    return (
      <div class="panel" role="alertdialog" aria-labelledby="delete-heading" aria-describedby="delete-text">
        <h1 id="delete-heading">Delete {account.name}?</h1>
        <p id="delete-text">
          Its secret is removed from the vault. Unless you have it elsewhere, you will need to register a new
          authenticator for this account.
        </p>
        <div class="actions">
          <button type="button" autoFocus onClick={() => setConfirmingDelete(false)}>
            Cancel
          </button>
          <button type="button" class="danger" onClick={remove}>
            Delete
          </button>
        </div>
      </div>
    );
  }

  return (
    <form class="panel" onSubmit={save} aria-labelledby="edit-heading">
      <h1 id="edit-heading">Edit account</h1>
      <Field label="Account name" value={name} onInput={setName} autoFocus error={error} />
      <Field label="Issuer" value={issuer} onInput={setIssuer} />
      <Select
        label="Submit after filling"
        value={submitAfterFill}
        options={SUBMIT_OPTIONS}
        onChange={setSubmitAfterFill}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={pinned}
          onChange={(e) => setPinned((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        Pin to top
      </label>
      <div class="secret">
        {secret ? (
          <p>
            <span class="sr-only">Secret key: </span>
            <code>{secret}</code>
          </p>
        ) : (
          <button type="button" onClick={reveal}>
            Show secret key
          </button>
        )}
      </div>
      <div class="actions">
        <button type="button" class="danger" onClick={() => setConfirmingDelete(true)}>
          Delete account
        </button>
        <span class="spacer" />
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" class="primary">
          Save
        </button>
      </div>
    </form>
  );
}
