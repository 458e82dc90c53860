/**
 * Import and export for extension pages. The background parses, checks and merges (it is the
 * single writer and the only place secrets are decrypted); one import is one vault write.
 * Problems go back as codes (lib/formats/problems.ts); the page words them.
 */
import type { Account } from '../accounts';
import { fromBase64 } from '../crypto';
import {
  type ConflictChoices,
  createEncryptedBackup,
  type ExportProblem,
  exportEntraCsv,
  exportFile,
  exportOtpauthLinks,
  type ImportParse,
  type ImportProblem,
  MAX_IMPORT_BYTES,
  mergeImport,
  parseImport,
  parseQrText,
  previewImport,
} from '../formats';
import type { ImportContent, PageReplies, PlainExportKind } from '../messages';
import type { Result } from '../problems';
import {
  type ExportFailure,
  type ImportExportReplies,
  type ImportFailure,
  importExportRequests,
} from '../protocol/import-export';
import { recordActivity } from './activity';
import type { BackgroundContext } from './context';
import { pageArea } from './page-area';

export function importFailure(problem: ImportProblem): ImportFailure {
  return { ok: false, error: `import/${problem.code}`, problem };
}

function exportFailure(problem: ExportProblem, field?: string): ExportFailure {
  return { ok: false, error: `export/${problem.code}`, problem, field };
}

type Decoded = { ok: true; parse: (opts: { backupPassphrase?: string }) => Promise<ImportParse> } | ImportFailure;

/** The content, ready to parse, or why not. Size is checked before decoding so a huge message costs nothing more. */
function contentOf(content: ImportContent | undefined): Decoded {
  if (content && 'qr' in content && typeof content.qr === 'string') {
    const text = content.qr;
    if (text.length > MAX_IMPORT_BYTES) return importFailure({ code: 'unreadable' });
    return { ok: true, parse: () => parseQrText(text) };
  }
  if (content && 'text' in content && typeof content.text === 'string') {
    const text = content.text;
    return { ok: true, parse: (opts) => parseImport(text, opts) };
  }
  if (content && 'base64' in content && typeof content.base64 === 'string') {
    if (content.base64.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4) {
      const megabytes = Math.ceil((content.base64.length * 0.75) / (1024 * 1024));
      return importFailure({ code: 'too-large', megabytes: String(megabytes), limit: MAX_IMPORT_BYTES / 1024 / 1024 });
    }
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(content.base64);
    } catch {
      return importFailure({ code: 'unreadable' });
    }
    return { ok: true, parse: (opts) => parseImport(bytes, opts) };
  }
  return importFailure({ code: 'nothing-to-import' });
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
  const parse = await decoded.parse({ backupPassphrase });
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
  const parse = await decoded.parse({ backupPassphrase });
  if (parse.error) return importFailure(parse.error);
  let refused: ImportProblem | null = null;
  const merged = await ctx.vault.mutate((contents) => {
    const result = mergeImport(contents.accounts, parse, {
      choices: choices ?? {},
      importValidOnly: importValidOnly === true,
      newId: ctx.newId,
      now: ctx.now(),
    });
    if (!result.ok) {
      refused = result.problem;
      return importFailure(result.problem);
    }
    return { ok: true, value: { contents: { ...contents, accounts: result.accounts }, result: result.summary } };
  });
  if (refused) return importFailure(refused);
  if (!merged.ok) return merged;
  await recordActivity(ctx);
  return { ok: true, summary: merged.value };
}

export async function exportBackupRequest(
  passphrase: string,
  confirmation: string,
  ctx: BackgroundContext,
  ids?: readonly string[],
): Promise<PageReplies['export:backup']> {
  if (passphrase !== confirmation) return exportFailure({ code: 'backup-passphrase-mismatch' }, 'confirmation');
  if (ids?.length === 0) return exportFailure({ code: 'nothing-selected' });
  const accounts = selectedAccounts(await ctx.vault.accounts(), ids);
  if (!accounts.ok) return accounts;
  const text = await createEncryptedBackup(accounts.value, passphrase, { now: ctx.now() });
  if (!text.ok) return exportFailure(text.problem, 'passphrase');
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
  if (acknowledged !== true) return exportFailure({ code: 'plain-not-acknowledged' }, 'acknowledged');
  const verified = await ctx.vault.verifyPassphrase(String(vaultPassphrase));
  if (!verified.ok) return { ...verified, field: 'vaultPassphrase' };
  if (ids?.length === 0) return exportFailure({ code: 'nothing-selected' });
  const accounts = selectedAccounts(await ctx.vault.accounts(), ids);
  if (!accounts.ok) return accounts;
  await recordActivity(ctx);
  const now = ctx.now();
  if (kind === 'entra-csv') {
    const csv = exportEntraCsv(accounts.value);
    return {
      ok: true,
      count: accounts.value.length - csv.leftOut.length,
      leftOut: csv.leftOut,
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
  return exportFailure({ code: 'plain-unknown-kind' });
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
  const wanted = new Set(ids);
  return { ok: true, value: accounts.value.filter((account) => wanted.has(account.id)) };
}
