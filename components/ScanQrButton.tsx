import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { describeImportErrors, describeImportProblem, describeImportSummary } from '@/lib/formats/describe';
import { tabThePopupActsOn } from './active-tab';
import { pageWords, t } from './i18n';
import { qrTextOf } from './image-pixels';
import { send } from './send';

/**
 * "Scan QR code": captures the visible tab (the activeTab grant from opening the popup allows
 * it) and imports the authenticator QR code mysignins.microsoft.com shows. Anything that needs
 * a decision (conflicts, bad codes) is sent to the options page instead of being guessed here.
 */
export function ScanQrButton({
  onImported,
  onProblem,
}: {
  onImported: (message: string) => void;
  onProblem: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);

  async function scan() {
    setBusy(true);
    try {
      const windowId = (await tabThePopupActsOn())?.windowId;
      const dataUrl =
        windowId === undefined
          ? await browser.tabs.captureVisibleTab({ format: 'png' })
          : await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
      const decoded = await qrTextOf(await (await fetch(dataUrl)).blob());
      if (!decoded.ok) return onProblem(decoded.error);
      const content = { qr: decoded.text };
      const reply = await send({ type: 'import:preview', content });
      if (!reply.ok)
        return onProblem('problem' in reply ? describeImportProblem(reply.problem, pageWords) : reply.error);
      const { preview } = reply;
      if (preview.error) return onProblem(describeImportProblem(preview.error, pageWords));
      if (preview.invalidRows.length > 0) return onProblem(describeImportErrors(preview, pageWords).join(' '));
      if (preview.conflicts.length > 0) {
        return onProblem(t('scanConflict', preview.conflicts[0]?.name ?? ''));
      }
      if (preview.newCount === 0) return onImported(t('scanAlreadyInVault'));
      const applied = await send({ type: 'import:apply', content, choices: {}, importValidOnly: false });
      if (applied.ok) onImported(describeImportSummary(applied.summary, pageWords));
      else onProblem('problem' in applied ? describeImportProblem(applied.problem, pageWords) : applied.error);
    } catch (error) {
      onProblem(t('scanCaptureFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" onClick={scan} disabled={busy}>
      {busy ? t('scanning') : t('scanQrCode')}
    </button>
  );
}
