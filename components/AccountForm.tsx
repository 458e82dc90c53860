import { useState } from 'preact/hooks';
import { type AccountField, validateAccountInput } from '@/lib/accounts';
import { looksLikeOtpauthLink, parseOtpauthLink } from '@/lib/import/otpauth-uri';
import type { Algorithm, Digits, Period } from '@/lib/totp';
import { Field, Select } from './Field';
import { send } from './send';

const DIGIT_OPTIONS = [
  { value: 6, label: '6' },
  { value: 8, label: '8' },
] as const;
const PERIOD_OPTIONS = [
  { value: 30, label: '30 seconds' },
  { value: 60, label: '60 seconds' },
] as const;
const ALGORITHM_OPTIONS = [
  { value: 'SHA1', label: 'SHA1 (Microsoft)' },
  { value: 'SHA256', label: 'SHA256' },
  { value: 'SHA512', label: 'SHA512' },
] as const;

export function AccountForm({ onSaved, onCancel }: { onSaved: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [issuer, setIssuer] = useState('');
  const [digits, setDigits] = useState<Digits>(6);
  const [period, setPeriod] = useState<Period>(30);
  const [algorithm, setAlgorithm] = useState<Algorithm>('SHA1');
  const [errors, setErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [linkNote, setLinkNote] = useState<string | null>(null);

  function onSecretInput(value: string) {
    setSecret(value);
    setLinkNote(null);
    if (!looksLikeOtpauthLink(value)) return;
    const link = parseOtpauthLink(value);
    if (!link.ok) return;
    // A pasted link fills the other fields, so the user sees what will be saved.
    if (name.trim() === '') setName(link.value.name);
    setIssuer(link.value.issuer);
    setDigits(link.value.digits);
    setPeriod(link.value.period);
    setAlgorithm(link.value.algorithm);
    setLinkNote('Filled in from the otpauth:// link.');
  }

  async function submit(event: Event) {
    event.preventDefault();
    const input = { name, secret, issuer, digits, period, algorithm };
    const valid = validateAccountInput(input);
    if (!valid.ok) {
      setErrors(Object.fromEntries(valid.errors.map((e) => [e.field, e.message])));
      return;
    }
    setBusy(true);
    const reply = await send({ type: 'accounts:add', input });
    setBusy(false);
    if (reply.ok) onSaved(valid.value.name);
    else setErrors({ [(reply.field as AccountField | undefined) ?? 'name']: reply.error });
  }

  return (
    <form class="panel" onSubmit={submit} aria-busy={busy} aria-labelledby="add-heading">
      <h1 id="add-heading">Add account</h1>
      <Field
        label="Account name"
        value={name}
        onInput={setName}
        autoFocus
        placeholder="qa.user@contoso.onmicrosoft.com"
        error={errors.name}
      />
      <Field
        label="Secret key"
        value={secret}
        onInput={onSecretInput}
        placeholder="abcd efgh ijkl mnop"
        error={errors.secret}
        hint={linkNote ?? 'As shown under "Can\'t scan image?", or a whole otpauth:// link.'}
      />
      <Field label="Issuer" value={issuer} onInput={setIssuer} placeholder="Microsoft" error={errors.issuer} />
      <div class="row">
        <Select label="Digits" value={digits} options={DIGIT_OPTIONS} onChange={setDigits} />
        <Select label="Period" value={period} options={PERIOD_OPTIONS} onChange={setPeriod} />
        <Select label="Algorithm" value={algorithm} options={ALGORITHM_OPTIONS} onChange={setAlgorithm} />
      </div>
      <div class="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
