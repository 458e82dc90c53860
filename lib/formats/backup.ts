import type { Account } from '../accounts';
import {
  DATA_KEY_BYTES,
  DEFAULT_PBKDF2_ITERATIONS,
  deriveKeyEncryptionKey,
  fromBase64,
  IV_BYTES,
  importDataKey,
  isAllowedIterationCount,
  newPbkdf2Params,
  open,
  openJson,
  type Pbkdf2Params,
  randomBytes,
  type Sealed,
  seal,
  sealJson,
} from '../crypto';
import { isObject, stringOf } from './json-values';
import type { ExportProblem, ImportProblem } from './problems';
import { RowCollector } from './rows';
import type { ParsedRows } from './types';

/**
 * Our encrypted backup: one JSON file built like the vault record (docs/ARCHITECTURE.md, 'Vault') —
 * PBKDF2-SHA256 with its own random salt → key-encryption key, which wraps a random data
 * key, which seals the accounts with AES-GCM. The passphrase is chosen at export and need
 * not be the vault's. The wrapped key lets an import tell a wrong passphrase (the key does
 * not unwrap) from a file changed after export (the key unwraps, the contents do not open).
 */
export const BACKUP_FORMAT = 'mfa-autofill-backup';
export const BACKUP_VERSION = 1;
/** The vault's minimum too (lib/vault.ts); a backup file travels further than the vault, so no less. */
export const MIN_BACKUP_PASSPHRASE_LENGTH = 8;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  kdf: Pbkdf2Params;
  wrappedKey: Sealed;
  contents: Sealed;
}

/**
 * What a backup keeps of an account: everything but its id and usage, which belong to one vault.
 * `codeInsteadOfPush` came later and is optional, so version 1 stays: a file without it reads
 * as 'default', and an older extension ignores it in a newer file.
 */
export type BackupAccount = Pick<
  Account,
  | 'name'
  | 'issuer'
  | 'secret'
  | 'digits'
  | 'period'
  | 'algorithm'
  | 'notes'
  | 'pinned'
  | 'submitAfterFill'
  | 'codeInsteadOfPush'
>;

export interface BackupContents {
  accounts: BackupAccount[];
  /** ISO 8601; for the person who finds several backups, not used on import. */
  exportedAt: string;
}

/**
 * Additional data binding each ciphertext to its role and the format version: the wrapped
 * key cannot be swapped in as contents, nor a v1 ciphertext pasted into a file claiming v2.
 */
export function backupKeyAdditionalData(version: number): string {
  return `${BACKUP_FORMAT}/v${version}/data-key`;
}
export function backupContentsAdditionalData(version: number): string {
  return `${BACKUP_FORMAT}/v${version}/contents`;
}

/** Why a passphrase may not protect a backup, or null. */
export function validateBackupPassphrase(passphrase: string): ExportProblem | null {
  if (passphrase.trim() === '') return { code: 'backup-passphrase-empty' };
  if (passphrase.length < MIN_BACKUP_PASSPHRASE_LENGTH) {
    return { code: 'backup-passphrase-short', length: passphrase.length, min: MIN_BACKUP_PASSPHRASE_LENGTH };
  }
  return null;
}

export interface BackupOptions {
  /** PBKDF2 iterations; lower only in tests, the product keeps the vault's 600,000. */
  iterations?: number;
  /** Epoch ms written as `exportedAt`. */
  now?: number;
}

/** The backup file's text (pretty-printed JSON), or why the passphrase cannot be used. */
export async function createEncryptedBackup(
  accounts: readonly BackupAccount[],
  passphrase: string,
  { iterations = DEFAULT_PBKDF2_ITERATIONS, now = Date.now() }: BackupOptions = {},
): Promise<{ ok: true; value: string } | { ok: false; problem: ExportProblem }> {
  const problem = validateBackupPassphrase(passphrase);
  if (problem) return { ok: false, problem };
  const contents: BackupContents = {
    // Field by field, so an Account's id and usage never reach the file.
    accounts: accounts.map((a) => ({
      name: a.name,
      issuer: a.issuer,
      secret: a.secret,
      digits: a.digits,
      period: a.period,
      algorithm: a.algorithm,
      notes: a.notes,
      pinned: a.pinned,
      submitAfterFill: a.submitAfterFill,
      // Absent stays absent (JSON drops undefined): the file then says what the vault said.
      codeInsteadOfPush: a.codeInsteadOfPush,
    })),
    exportedAt: new Date(now).toISOString(),
  };
  const kdf = newPbkdf2Params(iterations);
  const keyEncryptionKey = await deriveKeyEncryptionKey(passphrase, kdf);
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf,
    wrappedKey: await seal(keyEncryptionKey, dataKey, backupKeyAdditionalData(BACKUP_VERSION)),
    contents: await sealJson(await importDataKey(dataKey), contents, backupContentsAdditionalData(BACKUP_VERSION)),
  };
  return { ok: true, value: `${JSON.stringify(file, null, 2)}\n` };
}

// ---------- reader ----------
/** `passphrase-needed` is not a failure of the file: the page then asks for the passphrase. */
export type BackupOpen =
  | ParsedRows
  | { ok: false; passphraseNeeded: true }
  | {
      ok: false;
      passphraseNeeded?: false;
      problem: Extract<
        ImportProblem,
        { code: 'backup-damaged' | 'backup-newer' | 'backup-wrong-passphrase' | 'backup-changed' }
      >;
    };

const TAG_BYTES = 16;

export function looksLikeBackup(json: unknown): boolean {
  return isObject(json) && json.format === BACKUP_FORMAT;
}

function base64Length(text: unknown): number {
  try {
    return fromBase64(stringOf(text)).length;
  } catch {
    return -1;
  }
}

function isSealed(value: unknown, minBytes: number): value is Sealed {
  return isObject(value) && base64Length(value.iv) === IV_BYTES && base64Length(value.data) >= minBytes + TAG_BYTES;
}

function isKdf(value: unknown): value is Pbkdf2Params {
  return (
    isObject(value) &&
    value.name === 'PBKDF2' &&
    value.hash === 'SHA-256' &&
    // The vault's bounds: a forged count in the billions would hang the background, a tiny one is no protection.
    isAllowedIterationCount(value.iterations) &&
    base64Length(value.salt) >= 8
  );
}

function collectAccounts(accounts: readonly unknown[]): ParsedRows {
  const collector = new RowCollector();
  for (const [index, account] of accounts.entries()) {
    const where = { entry: index + 1 };
    if (!isObject(account)) {
      collector.fail(where, [collector.problem(null, { code: 'not-an-account' })]);
      continue;
    }
    const submit = account.submitAfterFill;
    const push = account.codeInsteadOfPush;
    collector.add(
      {
        name: stringOf(account.name),
        issuer: stringOf(account.issuer),
        secret: stringOf(account.secret),
        digits: typeof account.digits === 'number' ? account.digits : undefined,
        period: typeof account.period === 'number' ? account.period : undefined,
        algorithm: typeof account.algorithm === 'string' ? account.algorithm : undefined,
        notes: stringOf(account.notes),
      },
      where,
      {
        label: stringOf(account.name),
        pinned: account.pinned === true,
        submitAfterFill: submit === 'always' || submit === 'never' ? submit : 'default',
        codeInsteadOfPush: push === 'always' || push === 'never' ? push : 'default',
      },
    );
  }
  return collector.result();
}

/**
 * Checks the file's structure, then decrypts and validates every account as the Add form
 * would. Every failure is a message for the user; a passphrase is only tried on a file
 * whose structure is sound, so "damaged" and "wrong passphrase" stay distinct.
 */
export async function openEncryptedBackup(json: unknown, passphrase: string): Promise<BackupOpen> {
  const damaged: BackupOpen = { ok: false, problem: { code: 'backup-damaged' } };
  if (!isObject(json) || !looksLikeBackup(json)) return damaged;
  const { version, kdf, wrappedKey, contents } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return damaged;
  if (version > BACKUP_VERSION) return { ok: false, problem: { code: 'backup-newer', version } };
  if (!isKdf(kdf) || !isSealed(wrappedKey, DATA_KEY_BYTES) || !isSealed(contents, 0)) return damaged;
  if (passphrase === '') return { ok: false, passphraseNeeded: true };

  let dataKey: Uint8Array<ArrayBuffer>;
  try {
    const keyEncryptionKey = await deriveKeyEncryptionKey(passphrase, kdf);
    dataKey = await open(keyEncryptionKey, wrappedKey, backupKeyAdditionalData(version));
  } catch {
    // AES-GCM cannot tell a wrong passphrase from a changed salt or wrapped key; the first is far likelier.
    return { ok: false, problem: { code: 'backup-wrong-passphrase' } };
  }
  let opened: unknown;
  try {
    opened = await openJson<unknown>(await importDataKey(dataKey), contents, backupContentsAdditionalData(version));
  } catch {
    return { ok: false, problem: { code: 'backup-changed' } };
  }
  if (!isObject(opened) || !Array.isArray(opened.accounts)) return damaged;
  return collectAccounts(opened.accounts);
}
