import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { browserShortcuts, openShortcutSettings } from '@/utils/shortcuts';

/** The manifest's `commands` (wxt.config.ts): the toolbar popup, and filling on demand. */
const OPEN_POPUP = '_execute_action';
const FILL_CODE = 'fill-code';

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
    void browserShortcuts()
      .then(setShortcuts)
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
