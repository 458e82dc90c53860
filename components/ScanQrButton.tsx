import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { tabThePopupActsOn } from './active-tab';
import { t } from './i18n';
import { pixelsOf } from './image-pixels';
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
      // jsQR is loaded only when someone scans: it would double the popup's script otherwise.
      const { decodeQrCode } = await import('@/lib/formats/qr');
      const decoded = decodeQrCode(await pixelsOf(await (await fetch(dataUrl)).blob()));
      if (!decoded.ok) return onProblem(decoded.error);
      const content = { text: decoded.value };
      const reply = await send({ type: 'import:preview', content });
      if (!reply.ok) return onProblem(reply.error);
      const { preview } = reply;
      if (preview.error) return onProblem(preview.error);
      if (preview.rowErrors.length > 0) return onProblem(preview.rowErrors.join(' '));
      if (preview.conflicts.length > 0) {
        return onProblem(t('scanConflict', preview.conflicts[0]?.name ?? ''));
      }
      if (preview.newCount === 0) return onImported(t('scanAlreadyInVault'));
      const applied = await send({ type: 'import:apply', content, choices: {}, importValidOnly: false });
      if (applied.ok) onImported(applied.message);
      else onProblem(applied.error);
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
