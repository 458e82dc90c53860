import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Select } from '@/components/Field';
import { send } from '@/components/send';
import type { Settings } from '@/lib/settings';

const AUTO_LOCK_OPTIONS = [
  { value: 5, label: 'After 5 minutes' },
  { value: 15, label: 'After 15 minutes' },
  { value: 60, label: 'After 60 minutes' },
  { value: 240, label: 'After 4 hours' },
  { value: 0, label: 'Only when the browser closes' },
] as const;
const CLIPBOARD_OPTIONS = [
  { value: 0, label: 'Never' },
  { value: 15, label: 'After 15 seconds' },
  { value: 30, label: 'After 30 seconds' },
  { value: 60, label: 'After 60 seconds' },
  { value: 120, label: 'After 2 minutes' },
] as const;
const KMSI_OPTIONS = [
  { value: 'ask', label: 'Ask me' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
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
  return (
    <div>
      <label class="check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        {label}
      </label>
      {children ? <p class="note">{children}</p> : null}
    </div>
  );
}

export function SettingsSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void send({ type: 'settings:get' }).then((reply) => reply.ok && setSettings(reply.settings));
  }, []);

  async function change(changes: Partial<Settings>) {
    const reply = await send({ type: 'settings:set', changes });
    if (reply.ok) {
      setSettings(reply.settings);
      setSaved('Saved.');
    } else setSaved(reply.error);
  }

  if (!settings) return null;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Filling</h2>
      <Check label="Fill codes automatically" checked={settings.autofill} onChange={(autofill) => change({ autofill })}>
        On Microsoft sign-in pages (login.microsoftonline.com and the other Microsoft sign-in hosts), fill the "Enter
        code" prompt for the account the page signs in. When off, the keyboard shortcut fills on demand.
      </Check>
      <Check
        label="Submit after filling"
        checked={settings.submitAfterFill}
        onChange={(submitAfterFill) => change({ submitAfterFill })}
      >
        Press "Verify" after the code is filled. Each account can override this.
      </Check>
      <Check
        label={`Tick "Don't ask again" on the code page`}
        checked={settings.rememberDevice}
        onChange={(rememberDevice) => change({ rememberDevice })}
      />
      <Select
        label='Answer "Stay signed in?"'
        value={settings.staySignedIn}
        options={KMSI_OPTIONS}
        onChange={(staySignedIn) => change({ staySignedIn })}
      />
      <h2>Security</h2>
      <Select
        label="Lock the vault"
        value={settings.autoLockMinutes}
        options={AUTO_LOCK_OPTIONS}
        onChange={(autoLockMinutes) => change({ autoLockMinutes })}
      />
      <Check
        label="Lock when the computer locks"
        checked={settings.lockWhenIdle}
        onChange={(lockWhenIdle) => change({ lockWhenIdle })}
      />
      <Select
        label="Clear the clipboard after copying"
        value={settings.clipboardClearSeconds}
        options={CLIPBOARD_OPTIONS}
        onChange={(clipboardClearSeconds) => change({ clipboardClearSeconds })}
      />
      <p class="note" role="status">
        {saved}
      </p>
    </section>
  );
}
