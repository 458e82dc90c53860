/**
 * Import and export for extension pages. The background parses, checks and merges (it is the
 * single writer and the only place secrets are decrypted); one import is one vault write.
 */
import type { Account } from '../accounts';
import { fromBase64 } from '../crypto';
import {
  type ConflictChoices,
  createEncryptedBackup,
  exportEntraCsv,
  exportFile,
  exportOtpauthLinks,
  formatImportSummary,
  MAX_IMPORT_BYTES,
  mergeImport,
  parseImport,
  previewImport,
} from '../formats';
import type { ImportContent, PageReplies, PlainExportKind } from '../messages';
import { type ImportExportReplies, importExportRequests } from '../protocol/import-export';
import type { Result } from '../totp';
import { recordActivity } from './activity';
import type { BackgroundContext } from './context';
import { pageArea } from './page-area';

const PLAIN_EXPORT_WARNING =
  'Confirm that you understand the file will hold your secret keys in plain text: anyone who reads it can generate your codes.';

/** Decoded content, or why not. Size is checked before decoding so a huge message costs nothing more. */
function contentOf(
  content: ImportContent | undefined,
): { ok: true; value: string | Uint8Array } | { ok: false; error: string } {
  if (content && 'text' in content && typeof content.text === 'string') return { ok: true, value: content.text };
  if (content && 'base64' in content && typeof content.base64 === 'string') {
    if (content.base64.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) {
      return {
        ok: false,
        error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; that is not an export we can read.`,
      };
    }
    try {
      return { ok: true, value: fromBase64(content.base64) };
    } catch {
      return { ok: false, error: 'The file could not be read. Choose it again.' };
    }
  }
  return { ok: false, error: 'Nothing to import: choose a file or paste text.' };
}

export async function previewImportRequest(
  content: ImportContent,
  backupPassphrase: string | undefined,
  ctx: BackgroundContext,
): Promise<PageReplies['import:preview']> {
  const accounts = await ctx.vault.accounts();
  if (!accounts.ok) return accounts;
  const decoded = contentOf(content);
  if (!decoded.ok) return decoded;
  const parse = await parseImport(decoded.value, { backupPassphrase });
  await recordActivity(ctx);
  return { ok: true, preview: previewImport(accounts.value, parse) };
}

export async function applyImportRequest(
  content: ImportContent,
  backupPassphrase: string | undefined,
  choices: ConflictChoices,
  importValidOnly: boolean,
  ctx: BackgroundContext,
): Promise<PageReplies['import:apply']> {
  const decoded = contentOf(content);
  if (!decoded.ok) return decoded;
  // Parsed again rather than kept from the preview: the service worker may have been
  // restarted in between, and parsing is deterministic, so the choices still line up.
  const parse = await parseImport(decoded.value, { backupPassphrase });
  if (parse.error) return { ok: false, error: parse.error };
  const merged = await ctx.vault.mutate((contents) => {
    const result = mergeImport(contents.accounts, parse, {
      choices: choices ?? {},
      importValidOnly: importValidOnly === true,
      newId: ctx.newId,
      now: ctx.now(),
    });
    if (!result.ok) return result;
    return { ok: true, value: { contents: { ...contents, accounts: result.accounts }, result: result.summary } };
  });
  if (!merged.ok) return merged;
  await recordActivity(ctx);
  return { ok: true, summary: merged.value, message: formatImportSummary(merged.value) };
}

export async function exportBackupRequest(
  passphrase: string,
  confirmation: string,
  ctx: BackgroundContext,
  ids?: readonly string[],
): Promise<PageReplies['export:backup']> {
  if (passphrase !== confirmation) {
    return {
      ok: false,
      error: 'The two backup passphrases do not match. Type the same passphrase twice.',
      field: 'confirmation',
    };
  }
  const accounts = selectedAccounts(await ctx.vault.accounts(), ids);
  if (!accounts.ok) return accounts;
  const text = await createEncryptedBackup(accounts.value, passphrase, { now: ctx.now() });
  if (!text.ok) return { ok: false, error: text.error, field: 'passphrase' };
  await recordActivity(ctx);
  return { ok: true, count: accounts.value.length, file: { text: text.value, ...exportFile('backup', ctx.now()) } };
}

export async function exportPlainRequest(
  kind: PlainExportKind,
  vaultPassphrase: string,
  acknowledged: boolean,
  ctx: BackgroundContext,
  ids?: readonly string[],
): Promise<PageReplies['export:plain']> {
  if (acknowledged !== true) return { ok: false, error: PLAIN_EXPORT_WARNING, field: 'acknowledged' };
  const verified = await ctx.vault.verifyPassphrase(String(vaultPassphrase));
  if (!verified.ok) return { ok: false, error: verified.error, field: 'vaultPassphrase' };
  const accounts = selectedAccounts(await ctx.vault.accounts(), ids);
  if (!accounts.ok) return accounts;
  await recordActivity(ctx);
  const now = ctx.now();
  if (kind === 'entra-csv') {
    const csv = exportEntraCsv(accounts.value);
    return {
      ok: true,
      count: accounts.value.length - csv.leftOut.length,
      leftOut: csv.leftOut.map((a) => `${a.name}: ${a.reason}`),
      file: { text: csv.text, ...exportFile('entra-csv', now) },
    };
  }
  if (kind === 'otpauth-links') {
    return {
      ok: true,
      count: accounts.value.length,
      leftOut: [],
      file: { text: exportOtpauthLinks(accounts.value), ...exportFile('otpauth-links', now) },
    };
  }
  return { ok: false, error: 'Choose an export format: otpauth links or Entra CSV.' };
}

export const importExportArea = pageArea<typeof importExportRequests, ImportExportReplies>(importExportRequests, {
  'import:preview': (request, ctx) => previewImportRequest(request.content, nonEmpty(request.backupPassphrase), ctx),
  'import:apply': (request, ctx) =>
    applyImportRequest(
      request.content,
      nonEmpty(request.backupPassphrase),
      request.choices,
      request.importValidOnly,
      ctx,
    ),
  'export:backup': (request, ctx) => exportBackupRequest(request.passphrase, request.confirmation, ctx, request.ids),
  'export:plain': (request, ctx) =>
    exportPlainRequest(request.kind, request.vaultPassphrase, request.acknowledged, ctx, request.ids),
});

/** An empty backup passphrase field means "none given". */
function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** The accounts named by `ids` (the options page's selection), or all of them when there is no selection. */
function selectedAccounts(accounts: Result<Account[]>, ids: readonly string[] | undefined): Result<Account[]> {
  if (!accounts.ok || ids === undefined) return accounts;
  if (ids.length === 0) return { ok: false, error: 'Select the accounts to export first.' };
  const wanted = new Set(ids);
  return { ok: true, value: accounts.value.filter((account) => wanted.has(account.id)) };
}
