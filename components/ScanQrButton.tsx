import { useState } from 'preact/hooks';
import type { ConflictChoices } from '@/lib/formats';
import { describeImportErrors, describeImportSummary, describeNotice } from '@/lib/formats/describe';
import type { ImportPreview } from '@/lib/formats/preview';
import { captureTabThePopupActsOn } from '@/utils/active-tab';
import { pageWords, t, tp } from '@/utils/i18n';
import { qrTextOf } from '@/utils/image-pixels';
import { send } from '@/utils/send';
import { failureText, problemText } from './failure-text';
import { ImportConflict } from './ImportConflict';

type Stage = { kind: 'idle' } | { kind: 'busy' } | { kind: 'preview'; qr: string; preview: ImportPreview };

/**
 * "Scan QR code": captures the visible tab (the activeTab grant from opening the popup allows
 * it), decodes the authenticator QR code mysignins.microsoft.com shows, and shows what it holds
 * — accounts, conflicts with the vault — before anything is imported. Only the user's "Import"
 * imports: a web page that shows a QR code cannot add accounts by itself (docs/ARCHITECTURE.md,
 * 'Extension pages').
 */
export function ScanQrButton({
  onImported,
  onProblem,
}: {
  onImported: (message: string) => void;
  onProblem: (message: string) => void;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [choices, setChoices] = useState<ConflictChoices>({});

  async function scan() {
    setStage({ kind: 'busy' });
    setChoices({});
    try {
      const decoded = await qrTextOf(await captureTabThePopupActsOn());
      if (!decoded.ok) return fail(failureText(decoded));
      const reply = await send({ type: 'import:preview', content: { qr: decoded.text } });
      if (!reply.ok) return fail(failureText(reply));
      if (reply.preview.error) return fail(problemText(reply.preview.error));
      onProblem('');
      setStage({ kind: 'preview', qr: decoded.text, preview: reply.preview });
    } catch (error) {
      fail(t('scanCaptureFailed', error instanceof Error ? error.message : String(error)));
    }
  }

  function fail(message: string) {
    setStage({ kind: 'idle' });
    onProblem(message);
  }

  async function confirm() {
    if (stage.kind !== 'preview') return;
    const importValidOnly = stage.preview.invalidRows.length > 0;
    setStage({ kind: 'busy' });
    const applied = await send({ type: 'import:apply', content: { qr: stage.qr }, choices, importValidOnly });
    setStage({ kind: 'idle' });
    if (applied.ok) onImported(describeImportSummary(applied.summary, pageWords));
    else onProblem(failureText(applied));
  }

  if (stage.kind !== 'preview') {
    return (
      <button type="button" onClick={scan} disabled={stage.kind === 'busy'}>
        {stage.kind === 'busy' ? t('scanning') : t('scanQrCode')}
      </button>
    );
  }
  const { preview } = stage;
  const toImport = preview.newCount + preview.conflicts.length;
  const errors = describeImportErrors(preview, pageWords);
  return (
    <div class="scan-preview">
      <p role="status">{toImport > 0 ? tp('scanFound', toImport) : t('scanNothingNew')}</p>
      {preview.newAccounts.length > 0 ? (
        <ul class="scan-accounts">
          {preview.newAccounts.map((account) => (
            <li key={`${account.where.entry ?? 0}`}>
              {account.name}
              {account.issuer ? ` (${account.issuer})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.duplicates.length > 0 ? <p class="note">{t('scanAlreadyInVault')}</p> : null}
      {preview.notices.map((notice) => (
        <p class="note" key={JSON.stringify(notice)}>
          {describeNotice(notice, pageWords)}
        </p>
      ))}
      {errors.length > 0 ? (
        <ul class="problems" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      {preview.conflicts.map((conflict) => (
        <ImportConflict
          key={conflict.row}
          conflict={conflict}
          choices={choices}
          onChoice={(row, choice) => setChoices({ ...choices, [row]: choice })}
          group="scan-conflict"
        />
      ))}
      <div class="actions">
        {toImport > 0 ? (
          <button type="button" class="primary" onClick={confirm}>
            {t('importButton')}
          </button>
        ) : null}
        <button type="button" onClick={() => setStage({ kind: 'idle' })}>
          {t('scanDontImport')}
        </button>
      </div>
    </div>
  );
}
