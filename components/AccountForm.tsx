import { useState } from 'preact/hooks';
import { type AccountField, type FieldError, validateAccountInput } from '@/lib/accounts';
import { looksLikeOtpauthLink, parseOtpauthLink } from '@/lib/otpauth-link';
import type { Algorithm, Digits, Period } from '@/lib/totp';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';
import { Field, Select } from './Field';
import { failureText, problemText } from './failure-text';

const DIGIT_OPTIONS = [
  { value: 6, label: '6' },
  { value: 8, label: '8' },
] as const;
const periodOptions = () =>
  [
    { value: 30, label: t('seconds', 30) },
    { value: 60, label: t('seconds', 60) },
  ] as const;
const algorithmOptions = () =>
  [
    { value: 'SHA1', label: t('algorithmSha1Microsoft') },
    { value: 'SHA256', label: 'SHA256' },
    { value: 'SHA512', label: 'SHA512' },
  ] as const;

/** A refused field in the page's language. */
function fieldErrorText(error: FieldError): string {
  return problemText(error.problem);
}

export function AccountForm({
  onSaved,
  onCancel,
}: {
  /** The account was added: its name as saved, and its id. */
  onSaved: (name: string, id: string) => void;
  onCancel: () => void;
}) {
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
    setLinkNote(t('secretFilledFromLink'));
  }

  async function submit(event: Event) {
    event.preventDefault();
    const input = { name, secret, issuer, digits, period, algorithm };
    const valid = validateAccountInput(input);
    if (!valid.ok) {
      setErrors(Object.fromEntries(valid.errors.map((e) => [e.field, fieldErrorText(e)])));
      return;
    }
    setBusy(true);
    const reply = await send({ type: 'accounts:add', input });
    setBusy(false);
    if (reply.ok) onSaved(valid.value.name, reply.id);
    else setErrors({ [(reply.field as AccountField | undefined) ?? 'name']: failureText(reply) });
  }

  return (
    <form class="panel" onSubmit={submit} aria-busy={busy} aria-labelledby="add-heading">
      <h1 id="add-heading">{t('addAccount')}</h1>
      <Field
        label={t('accountName')}
        value={name}
        onInput={setName}
        autoFocus
        placeholder="qa.user@contoso.onmicrosoft.com"
        error={errors.name}
      />
      <Field
        label={t('secretKey')}
        value={secret}
        onInput={onSecretInput}
        placeholder="abcd efgh ijkl mnop"
        error={errors.secret}
        hint={linkNote ?? t('secretKeyHint')}
      />
      <Field label={t('issuer')} value={issuer} onInput={setIssuer} placeholder="Microsoft" error={errors.issuer} />
      <div class="row">
        <Select label={t('digits')} value={digits} options={DIGIT_OPTIONS} onChange={setDigits} />
        <Select label={t('period')} value={period} options={periodOptions()} onChange={setPeriod} />
        <Select label={t('algorithm')} value={algorithm} options={algorithmOptions()} onChange={setAlgorithm} />
      </div>
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
