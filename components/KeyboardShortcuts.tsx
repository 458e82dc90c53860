import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

/** The manifest's `commands` (wxt.config.ts): the toolbar popup, and filling on demand. */
const OPEN_POPUP = '_execute_action';
const FILL_CODE = 'fill-code';

interface CommandsWithSettings {
  /** Firefox 137+: opens about:addons at the extension's shortcuts. */
  openShortcutSettings?: () => Promise<void>;
}

/** Where people change an extension's shortcuts; Edge redirects chrome:// to edge://. */
async function openShortcutSettings(): Promise<void> {
  const { openShortcutSettings } = browser.commands as unknown as CommandsWithSettings;
  if (openShortcutSettings) await openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/**
 * "Keyboard shortcuts": a disclosure listing the keys the popup and the browser answer to. The
 * browser's shortcuts are read from `commands.getAll()`, so a shortcut the user changed (or that
 * clashed with another extension and is unset) is shown as it really is.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const [shortcuts, setShortcuts] = useState<Record<string, string> | null>(null);

  useEffect(() => {
    if (!open || shortcuts) return;
    void browser.commands
      .getAll()
      .then((commands) => setShortcuts(Object.fromEntries(commands.map((c) => [c.name ?? '', c.shortcut ?? '']))))
      .catch(() => setShortcuts({}));
  }, [open, shortcuts]);

  const keysOf = (command: string) => {
    const keys = shortcuts?.[command];
    return keys ? <kbd>{keys}</kbd> : <span class="unset">{t('shortcutNotSet')}</span>;
  };

  return (
    <div class="shortcuts">
      <button
        type="button"
        class="link"
        id="shortcuts-toggle"
        aria-expanded={open}
        aria-controls="shortcuts-list"
        onClick={() => setOpen(!open)}
      >
        {t('keyboardShortcuts')}
      </button>
      <section id="shortcuts-list" aria-labelledby="shortcuts-toggle" hidden={!open}>
        <dl>
          <dt>
            <kbd>{t('keyEnter')}</kbd>
          </dt>
          <dd>{t('shortcutCopyFirstMatch')}</dd>
          <dt>{keysOf(OPEN_POPUP)}</dt>
          <dd>{t('shortcutOpenPopup')}</dd>
          <dt>{keysOf(FILL_CODE)}</dt>
          <dd>{t('shortcutFillCode')}</dd>
          <dt>
            <kbd>{t('keyTab')}</kbd>
          </dt>
          <dd>{t('shortcutMoveFocus')}</dd>
        </dl>
        <button type="button" class="link" onClick={() => void openShortcutSettings()}>
          {t('changeShortcuts')}
        </button>
      </section>
    </div>
  );
}
