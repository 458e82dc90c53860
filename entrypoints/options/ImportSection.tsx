import { useState } from 'preact/hooks';
import { Field } from '@/components/Field';
import { base64Of, pixelsOf } from '@/components/image-pixels';
import { send } from '@/components/send';
import type { ConflictChoice, ConflictChoices, ImportPreview } from '@/lib/import';
import { decodeQrCode } from '@/lib/import/qr';
import type { ImportContent } from '@/lib/messages';

const CHOICE_LABELS: Record<ConflictChoice, string> = {
  keep: 'Keep the account in the vault',
  replace: 'Replace its secret with the imported one',
  rename: 'Import as a renamed copy',
};

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'failed'; error: string }
  | { kind: 'preview'; content: ImportContent; source: string; preview: ImportPreview }
  | { kind: 'done'; message: string };

/** Reads an image's QR code in the page; the decoded link goes to the background like pasted text. */
async function contentOfImage(
  image: Blob,
): Promise<{ ok: true; content: ImportContent } | { ok: false; error: string }> {
  try {
    const decoded = decodeQrCode(await pixelsOf(image));
    return decoded.ok ? { ok: true, content: { text: decoded.value } } : decoded;
  } catch (error) {
    return { ok: false, error: `The image could not be read (${String(error)}). Use a PNG or JPEG file.` };
  }
}

export function ImportSection() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [pasted, setPasted] = useState('');
  const [choices, setChoices] = useState<ConflictChoices>({});

  async function preview(content: ImportContent, source: string, passphrase = backupPassphrase) {
    setStage({ kind: 'busy', what: `Checking ${source}…` });
    setChoices({});
    const reply = await send({ type: 'import:preview', content, backupPassphrase: passphrase || undefined });
    if (!reply.ok) setStage({ kind: 'failed', error: reply.error });
    else setStage({ kind: 'preview', content, source, preview: reply.preview });
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setBackupPassphrase('');
    setStage({ kind: 'busy', what: `Reading ${file.name}…` });
    if (/^image\//.test(file.type)) {
      const image = await contentOfImage(file);
      if (!image.ok) setStage({ kind: 'failed', error: image.error });
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
    setStage({ kind: 'busy', what: 'Reading the pasted image…' });
    const content = await contentOfImage(image);
    if (!content.ok) setStage({ kind: 'failed', error: content.error });
    else await preview(content.content, 'the pasted image', '');
  }

  async function apply(importValidOnly: boolean) {
    if (stage.kind !== 'preview') return;
    setStage({ kind: 'busy', what: `Importing ${stage.preview.validCount} accounts…` });
    const reply = await send({
      type: 'import:apply',
      content: stage.content,
      backupPassphrase: backupPassphrase || undefined,
      choices,
      importValidOnly,
    });
    setStage(reply.ok ? { kind: 'done', message: reply.message } : { kind: 'failed', error: reply.error });
  }

  return (
    <section aria-labelledby="import-heading" onPaste={pasteImage}>
      <h2 id="import-heading">Import</h2>
      <p class="note">
        Entra OATH token CSV, a text file of otpauth:// links, a Google Authenticator export (otpauth-migration://), a
        QR code image, our encrypted backup, or a plain export of Aegis or the Authenticator extension. Nothing changes
        until you confirm.
      </p>
      <div class="field">
        <label for="import-file">Import file</label>
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
      <div class="field">
        <label for="import-text">Or paste links, a CSV, or a QR code image</label>
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
        onClick={() => preview({ text: pasted }, 'the pasted text', '')}
      >
        Check pasted text
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
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onOpenBackup();
        }}
      >
        <p role="status">{source} is an encrypted MFA Autofill backup.</p>
        <Field
          label="Backup passphrase"
          type="password"
          value={backupPassphrase}
          onInput={onBackupPassphrase}
          autoFocus
          error={preview.error}
        />
        <button type="submit">Open backup</button>
      </form>
    );
  }
  if (preview.error) {
    return (
      <p class="error" role="alert">
        {source}: {preview.error}
      </p>
    );
  }
  const hasBadRows = preview.rowErrors.length > 0;
  return (
    <div class="import-preview">
      <p role="status">
        {source}: {preview.formatName}, {preview.validCount} valid {preview.validCount === 1 ? 'account' : 'accounts'}
        {preview.newCount !== preview.validCount ? ` (${preview.newCount} new)` : ''}
        {preview.duplicates.length > 0
          ? `, ${preview.duplicates.length} already in the vault or repeated (skipped)`
          : ''}
        {hasBadRows ? `, ${preview.invalidCount} with errors` : ''}.
      </p>
      {preview.notices.map((notice) => (
        <p class="note" key={notice}>
          {notice}
        </p>
      ))}
      {hasBadRows ? (
        <div role="alert">
          <p>Nothing was imported: fix these lines, or import only the valid accounts.</p>
          <ul class="problems">
            {preview.rowErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.conflicts.map((conflict) => (
        <fieldset key={conflict.row} class="conflict">
          <legend>
            {conflict.where ? `${conflict.where}: ` : ''}
            {conflict.name} has another secret than{' '}
            {conflict.with === 'vault'
              ? `${conflict.existingName} in the vault`
              : `${conflict.existingName} earlier in the file`}
          </legend>
          {(Object.keys(CHOICE_LABELS) as ConflictChoice[]).map((choice) => (
            <label class="check" key={choice}>
              <input
                type="radio"
                name={`conflict-${conflict.row}`}
                checked={(choices[conflict.row] ?? 'keep') === choice}
                onChange={() => onChoice(conflict.row, choice)}
              />
              {CHOICE_LABELS[choice]}
            </label>
          ))}
        </fieldset>
      ))}
      {hasBadRows ? (
        preview.validCount > 0 ? (
          <button type="button" onClick={() => onApply(true)}>
            Import the {preview.validCount} valid accounts
          </button>
        ) : null
      ) : preview.validCount > 0 ? (
        <button type="button" class="primary" onClick={() => onApply(false)}>
          Import
        </button>
      ) : null}
    </div>
  );
}
