import { useState } from 'preact/hooks';
import { Field } from '@/components/Field';
import { failureText, problemText } from '@/components/failure-text';
import { ImportConflict } from '@/components/ImportConflict';
import {
  type ConflictChoice,
  type ConflictChoices,
  describeFormat,
  describeImportErrors,
  describeImportSummary,
  describeLocation,
  describeNotice,
  type ImportPreview,
} from '@/lib/formats';
import type { ImportContent } from '@/lib/messages';
import type { Failure, Problem } from '@/lib/problems';
import { pageWords, t, tp } from '@/utils/i18n';
import { base64Of, qrTextOf } from '@/utils/image-pixels';
import { send } from '@/utils/send';

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'failed'; error: string }
  | { kind: 'preview'; content: ImportContent; source: string; preview: ImportPreview }
  | { kind: 'done'; message: string };

/** Reads an image's QR code in the page; only the decoded link goes to the background. */
async function contentOfImage(image: Blob): Promise<{ ok: true; content: ImportContent } | Failure> {
  const read = await qrTextOf(image);
  return read.ok ? { ok: true, content: { qr: read.text } } : read;
}

/**
 * Every problem of a preview or a refused request, in the page's language: for the QA helper,
 * which imports through this page's messages (see main.tsx).
 */
export function describeImportFailure(reply: { problem?: Problem; preview?: ImportPreview }): string[] {
  if (reply.problem) return [problemText(reply.problem)];
  const preview = reply.preview;
  if (!preview) return [];
  const conflicts = preview.conflicts.map((c) => {
    const where = describeLocation(c.where, pageWords);
    return `${where ? `${where}: ` : ''}${t('conflictEarlierInFile', [c.name, c.existingName])}`;
  });
  return [...describeImportErrors(preview, pageWords), ...conflicts];
}

export function ImportSection() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [pasted, setPasted] = useState('');
  const [choices, setChoices] = useState<ConflictChoices>({});

  async function preview(content: ImportContent, source: string, passphrase = backupPassphrase) {
    setStage({ kind: 'busy', what: t('importChecking', source) });
    setChoices({});
    const reply = await send({ type: 'import:preview', content, backupPassphrase: passphrase || undefined });
    if (!reply.ok) setStage({ kind: 'failed', error: failureText(reply) });
    else setStage({ kind: 'preview', content, source, preview: reply.preview });
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setBackupPassphrase('');
    setStage({ kind: 'busy', what: t('importReading', file.name) });
    if (/^image\//.test(file.type)) {
      const image = await contentOfImage(file);
      if (!image.ok) setStage({ kind: 'failed', error: failureText(image) });
      else await preview(image.content, file.name, '');
      return;
    }
    await preview({ base64: await base64Of(file) }, file.name, '');
  }

  async function pasteImage(event: ClipboardEvent) {
    const item = [...(event.clipboardData?.items ?? [])].find((i) => i.type.startsWith('image/'));
    const image = item?.getAsFile();
    if (!image) return;
    event.preventDefault();
    const source = t('importSourcePastedImage');
    setStage({ kind: 'busy', what: t('importReading', source) });
    const content = await contentOfImage(image);
    if (!content.ok) setStage({ kind: 'failed', error: failureText(content) });
    else await preview(content.content, source, '');
  }

  async function apply(importValidOnly: boolean) {
    if (stage.kind !== 'preview') return;
    setStage({ kind: 'busy', what: tp('importingCount', stage.preview.validCount) });
    const reply = await send({
      type: 'import:apply',
      content: stage.content,
      backupPassphrase: backupPassphrase || undefined,
      choices,
      importValidOnly,
    });
    if (!reply.ok) {
      setStage({ kind: 'failed', error: failureText(reply) });
      return;
    }
    // Imported: the pasted text (secrets, possibly) has done its job.
    setPasted('');
    setStage({ kind: 'done', message: describeImportSummary(reply.summary, pageWords) });
  }

  return (
    <section aria-labelledby="import-heading" onPaste={pasteImage}>
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p class="note">{t('importNote')}</p>
      <div class="field">
        <label for="import-file">{t('importFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.txt,.json,text/*,application/json,image/png,image/jpeg"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            void chooseFile(input.files?.[0]);
            input.value = '';
          }}
        />
      </div>
      <div class="field wide">
        <label for="import-text">{t('importPasteLabel')}</label>
        <textarea
          id="import-text"
          rows={3}
          value={pasted}
          spellcheck={false}
          onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <button
        type="button"
        disabled={pasted.trim() === ''}
        onClick={() => preview({ text: pasted }, t('importSourcePastedText'), '')}
      >
        {t('importCheckPasted')}
      </button>
      <ImportStage
        stage={stage}
        choices={choices}
        onChoice={(row, choice) => setChoices({ ...choices, [row]: choice })}
        backupPassphrase={backupPassphrase}
        onBackupPassphrase={setBackupPassphrase}
        onOpenBackup={() => stage.kind === 'preview' && preview(stage.content, stage.source, backupPassphrase)}
        onApply={apply}
      />
    </section>
  );
}

/** "tokens.csv: Entra OATH token CSV, 3 valid accounts (2 new), 1 already in the vault or repeated (skipped)." */
export function summarizePreview(preview: ImportPreview, source: string): string {
  const valid = tp('importValid', preview.validCount);
  const parts = [preview.newCount === preview.validCount ? valid : `${valid} ${t('importNewCount', preview.newCount)}`];
  if (preview.duplicates.length > 0) parts.push(t('importSkippedCount', preview.duplicates.length));
  if (preview.invalidRows.length > 0) parts.push(t('importWithErrorsCount', preview.invalidCount));
  const details = parts.join(', ');
  return preview.format
    ? t('importSummary', [source, describeFormat(preview.format, pageWords), details])
    : t('importSummaryNoFormat', [source, details]);
}

interface StageProps {
  stage: Stage;
  choices: ConflictChoices;
  onChoice: (row: number, choice: ConflictChoice) => void;
  backupPassphrase: string;
  onBackupPassphrase: (value: string) => void;
  onOpenBackup: () => void;
  onApply: (importValidOnly: boolean) => void;
}

function ImportStage({
  stage,
  choices,
  onChoice,
  backupPassphrase,
  onBackupPassphrase,
  onOpenBackup,
  onApply,
}: StageProps) {
  switch (stage.kind) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <p role="status" aria-busy="true">
          {stage.what}
        </p>
      );
    case 'failed':
      return (
        <p class="error" role="alert">
          {stage.error}
        </p>
      );
    case 'done':
      return (
        <p class="ok" role="status">
          {stage.message}
        </p>
      );
  }
  const { preview, source } = stage;
  if (preview.needsPassphrase) {
    return (
      <BackupPassphraseForm
        source={source}
        preview={preview}
        value={backupPassphrase}
        onInput={onBackupPassphrase}
        onOpen={onOpenBackup}
      />
    );
  }
  if (preview.error) {
    return (
      <p class="error" role="alert">
        {source}: {problemText(preview.error)}
      </p>
    );
  }
  const hasBadRows = preview.invalidRows.length > 0;
  // Rows added or asked about: a file whose every valid row is already in the vault has nothing to import.
  const toImport = preview.newCount + preview.conflicts.length;
  return (
    <div class="import-preview">
      <p role="status">{summarizePreview(preview, source)}</p>
      {preview.notices.map((notice) => (
        <p class="note" key={JSON.stringify(notice)}>
          {describeNotice(notice, pageWords)}
        </p>
      ))}
      {hasBadRows ? (
        <div role="alert">
          <p>{toImport > 0 ? t('importNothingImported') : t('importFixTheseLines')}</p>
          <ul class="problems">
            {describeImportErrors({ error: null, invalidRows: preview.invalidRows }, pageWords).map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {toImport === 0 && preview.validCount > 0 ? <p class="note">{t('importNothingNew')}</p> : null}
      {preview.conflicts.map((conflict) => (
        <ImportConflict
          key={conflict.row}
          conflict={conflict}
          choices={choices}
          onChoice={onChoice}
          group="conflict"
          where={describeLocation(conflict.where, pageWords)}
        />
      ))}
      {toImport === 0 ? null : hasBadRows ? (
        <button type="button" onClick={() => onApply(true)}>
          {tp('importValidOnly', preview.validCount)}
        </button>
      ) : (
        <button type="button" class="primary" onClick={() => onApply(false)}>
          {t('importButton')}
        </button>
      )}
    </div>
  );
}

/** An encrypted backup: its passphrase first, then the preview. */
function BackupPassphraseForm({
  source,
  preview,
  value,
  onInput,
  onOpen,
}: {
  source: string;
  preview: ImportPreview;
  value: string;
  onInput: (value: string) => void;
  onOpen: () => void;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onOpen();
      }}
    >
      <p role="status">{t('importIsEncryptedBackup', source)}</p>
      <Field
        label={t('backupPassphrase')}
        type="password"
        value={value}
        onInput={onInput}
        autoFocus
        error={preview.error ? problemText(preview.error) : null}
      />
      <button type="submit">{t('openBackup')}</button>
    </form>
  );
}
