import { useState } from 'preact/hooks';
import { tabThePopupActsOn } from '@/utils/active-tab';
import { copyText } from '@/utils/clipboard-copy';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';
import { failureText } from './failure-text';

type Outcome = { kind: 'copied' } | { kind: 'failed'; message: string } | null;

/**
 * "Copy screen report": a redacted description of the tab's sign-in screen (structure only,
 * lib/signin/screen-report.ts) on the clipboard, for a bug report. Not cleared after a delay
 * like a code: it holds nothing secret (docs/SECURITY.md, 'Screen reports'), and the person
 * needs it until they have pasted it.
 */
export function ScreenReportButton() {
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function copyReport() {
    const tab = await tabThePopupActsOn();
    if (typeof tab?.id !== 'number') return;
    const reply = await send({ type: 'tab:screen-report', tabId: tab.id });
    if (!reply.ok) {
      setOutcome({ kind: 'failed', message: failureText(reply) });
      return;
    }
    try {
      await copyText(`${JSON.stringify(reply.report, null, 2)}\n`);
      setOutcome({ kind: 'copied' });
    } catch (error) {
      setOutcome({ kind: 'failed', message: t('screenReportCopyFailed', String(error)) });
    }
  }

  return (
    <div class="screen-report">
      <button type="button" onClick={copyReport}>
        {t('copyScreenReport')}
      </button>
      {outcome?.kind === 'copied' ? <p role="status">{t('screenReportCopied')}</p> : null}
      {outcome?.kind === 'failed' ? <p role="alert">{outcome.message}</p> : null}
    </div>
  );
}
