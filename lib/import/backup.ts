import type { Pbkdf2Params, Sealed } from '../crypto';
import {
  DATA_KEY_BYTES,
  deriveKeyEncryptionKey,
  fromBase64,
  IV_BYTES,
  importDataKey,
  isAllowedIterationCount,
  open,
  openJson,
} from '../crypto';
import { BACKUP_FORMAT, BACKUP_VERSION, backupContentsAdditionalData, backupKeyAdditionalData } from '../export/backup';
import { isObject, stringOf } from './json-values';
import { RowCollector } from './rows';
import type { ParsedRows } from './types';

export type BackupFailure = 'newer-version' | 'damaged' | 'passphrase-needed' | 'wrong-passphrase' | 'changed';

export type BackupOpen = ParsedRows | { ok: false; reason: BackupFailure; error: string };

const TAG_BYTES = 16;

export const BACKUP_DAMAGED =
  'This MFA Autofill backup is damaged (it was cut short or edited): it cannot be opened, and nothing was imported.';
export const BACKUP_PASSPHRASE_NEEDED =
  'This is an encrypted MFA Autofill backup: enter the backup passphrase chosen when it was exported.';
export const BACKUP_WRONG_PASSPHRASE =
  'That passphrase does not open this backup. Enter the backup passphrase chosen when it was exported (it may differ from the vault passphrase).';
export const BACKUP_CHANGED =
  'This backup was changed after it was exported (its integrity check failed), so none of it can be trusted; nothing was imported.';

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
      collector.fail(where, [collector.problem(null, 'This entry is not an account.')]);
      continue;
    }
    const submit = account.submitAfterFill;
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
  const fail = (reason: BackupFailure, error: string): BackupOpen => ({ ok: false, reason, error });
  if (!isObject(json) || !looksLikeBackup(json)) return fail('damaged', BACKUP_DAMAGED);
  const { version, kdf, wrappedKey, contents } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('damaged', BACKUP_DAMAGED);
  if (version > BACKUP_VERSION) {
    return fail(
      'newer-version',
      `This backup was made by a newer version of MFA Autofill (backup format ${version}); update the extension, then import it again.`,
    );
  }
  if (!isKdf(kdf) || !isSealed(wrappedKey, DATA_KEY_BYTES) || !isSealed(contents, 0)) {
    return fail('damaged', BACKUP_DAMAGED);
  }
  if (passphrase === '') return fail('passphrase-needed', BACKUP_PASSPHRASE_NEEDED);

  let dataKey: Uint8Array<ArrayBuffer>;
  try {
    const keyEncryptionKey = await deriveKeyEncryptionKey(passphrase, kdf);
    dataKey = await open(keyEncryptionKey, wrappedKey, backupKeyAdditionalData(version));
  } catch {
    // AES-GCM cannot tell a wrong passphrase from a changed salt or wrapped key; the first is far likelier.
    return fail('wrong-passphrase', BACKUP_WRONG_PASSPHRASE);
  }
  let opened: unknown;
  try {
    opened = await openJson<unknown>(await importDataKey(dataKey), contents, backupContentsAdditionalData(version));
  } catch {
    return fail('changed', BACKUP_CHANGED);
  }
  if (!isObject(opened) || !Array.isArray(opened.accounts)) return fail('damaged', BACKUP_DAMAGED);
  return collectAccounts(opened.accounts);
}
