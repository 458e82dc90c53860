import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { Select } from '@/components/Field';
import { failureText } from '@/components/failure-text';
import type { Settings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';

const autoLockOptions = () =>
  [
    { value: 5, label: t('afterMinutes', 5) },
    { value: 15, label: t('afterMinutes', 15) },
    { value: 60, label: t('afterMinutes', 60) },
    { value: 240, label: t('afterHours', 4) },
    { value: 0, label: t('onlyWhenBrowserCloses') },
  ] as const;
const clipboardOptions = () =>
  [
    { value: 0, label: t('never') },
    { value: 15, label: t('afterSeconds', 15) },
    { value: 30, label: t('afterSeconds', 30) },
    { value: 60, label: t('afterSeconds', 60) },
    { value: 120, label: t('afterMinutes', 2) },
  ] as const;
const staySignedInOptions = () =>
  [
    { value: 'ask', label: t('staySignedInAsk') },
    { value: 'yes', label: t('staySignedInYes') },
    { value: 'no', label: t('staySignedInNo') },
  ] as const;

function Check({
  label,
  checked,
  onChange,
  children,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  children?: ComponentChildren;
}) {
  const noteId = useId();
  return (
    <div class="check-with-note">
      <label class="check">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={children ? noteId : undefined}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        {label}
      </label>
      {children ? (
        <p class="note" id={noteId}>
          {children}
        </p>
      ) : null}
    </div>
  );
}

type Group = 'filling' | 'security';

/** "Filling" and "Security": each change is saved at once and said so beside it. */
export function SettingsSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<{ group: Group; message: string } | null>(null);

  useEffect(() => {
    void send({ type: 'settings:get' }).then((reply) => reply.ok && setSettings(reply.settings));
  }, []);

  async function change(group: Group, changes: Partial<Settings>) {
    const reply = await send({ type: 'settings:set', changes });
    if (reply.ok) setSettings(reply.settings);
    setSaved({ group, message: reply.ok ? t('saved') : failureText(reply) });
  }
  const savedIn = (group: Group) => (
    <p class="note" role="status">
      {saved?.group === group ? saved.message : ''}
    </p>
  );

  if (!settings) return null;
  return (
    <>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('fillingHeading')}</h2>
        <Check
          label={t('fillAutomatically')}
          checked={settings.autofill}
          onChange={(autofill) => change('filling', { autofill })}
        >
          {t('fillAutomaticallyNote')}
        </Check>
        <Check
          label={t('submitAfterFilling')}
          checked={settings.submitAfterFill}
          onChange={(submitAfterFill) => change('filling', { submitAfterFill })}
        >
          {t('submitAfterFillingNote')}
        </Check>
        <Check
          label={t('codeInsteadOfPush')}
          checked={settings.codeInsteadOfPush}
          onChange={(codeInsteadOfPush) => change('filling', { codeInsteadOfPush })}
        >
          {t('codeInsteadOfPushNote')}
        </Check>
        <Check
          label={t('rememberDevice')}
          checked={settings.rememberDevice}
          onChange={(rememberDevice) => change('filling', { rememberDevice })}
        />
        <Select
          label={t('staySignedIn')}
          value={settings.staySignedIn}
          options={staySignedInOptions()}
          onChange={(staySignedIn) => change('filling', { staySignedIn })}
        />
        {savedIn('filling')}
      </section>
      <section aria-labelledby="security-heading">
        <h2 id="security-heading">{t('securityHeading')}</h2>
        <Select
          label={t('lockTheVault')}
          value={settings.autoLockMinutes}
          options={autoLockOptions()}
          onChange={(autoLockMinutes) => change('security', { autoLockMinutes })}
        />
        <Check
          label={t('lockWhenComputerLocks')}
          checked={settings.lockWhenIdle}
          onChange={(lockWhenIdle) => change('security', { lockWhenIdle })}
        />
        <Select
          label={t('clearClipboard')}
          value={settings.clipboardClearSeconds}
          options={clipboardOptions()}
          onChange={(clipboardClearSeconds) => change('security', { clipboardClearSeconds })}
        />
        {savedIn('security')}
      </section>
    </>
  );
}
