import type { Account } from '../accounts';
import {
  DATA_KEY_BYTES,
  DEFAULT_PBKDF2_ITERATIONS,
  deriveKeyEncryptionKey,
  importDataKey,
  newPbkdf2Params,
  type Pbkdf2Params,
  randomBytes,
  type Sealed,
  seal,
  sealJson,
} from '../crypto';
import type { Result } from '../totp';

/**
 * Our encrypted backup: one JSON file built like the vault record (DESIGN.md, Vault) —
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

/** What a backup keeps of an account: everything but its id and usage, which belong to one vault. */
export type BackupAccount = Pick<
  Account,
  'name' | 'issuer' | 'secret' | 'digits' | 'period' | 'algorithm' | 'notes' | 'pinned' | 'submitAfterFill'
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

/** The message for a passphrase that may not protect a backup, or null. */
export function validateBackupPassphrase(passphrase: string): string | null {
  if (passphrase.trim() === '') return 'Choose a backup passphrase.';
  if (passphrase.length < MIN_BACKUP_PASSPHRASE_LENGTH) {
    return `The backup passphrase needs at least ${MIN_BACKUP_PASSPHRASE_LENGTH} characters (it has ${passphrase.length}).`;
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
): Promise<Result<string>> {
  const problem = validateBackupPassphrase(passphrase);
  if (problem) return { ok: false, error: problem };
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
