/**
 * The encrypted vault record (DESIGN.md, Vault). One versioned JSON object in storage.local:
 * the KDF and its parameters, a random 256-bit data key wrapped by the passphrase key, and the
 * contents sealed with the data key. Changing the passphrase re-wraps the data key only.
 */
import type { Account } from './accounts';
import {
  DATA_KEY_BYTES,
  DEFAULT_PBKDF2_ITERATIONS,
  deriveKeyEncryptionKey,
  fromBase64,
  importDataKey,
  isAllowedIterationCount,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  newPbkdf2Params,
  open,
  openJson,
  type Pbkdf2Params,
  randomBytes,
  type Sealed,
  seal,
  sealJson,
} from './crypto';
import type { Result } from './totp';

export const VAULT_FORMAT = 'mfa-autofill-vault';
export const VAULT_VERSION = 1;
export const MIN_PASSPHRASE_LENGTH = 8;

export interface VaultRecord {
  format: typeof VAULT_FORMAT;
  version: typeof VAULT_VERSION;
  kdf: Pbkdf2Params;
  wrappedKey: Sealed;
  contents: Sealed;
}

export interface VaultContents {
  accounts: Account[];
}

// Additional data binds each ciphertext to its role and the format version, so a wrapped key
// cannot be swapped in as contents, and a v1 ciphertext cannot be replayed as a later version.
const KEY_AAD = `${VAULT_FORMAT}/v${VAULT_VERSION}/data-key`;
const CONTENTS_AAD = `${VAULT_FORMAT}/v${VAULT_VERSION}/contents`;

export const WRONG_PASSPHRASE = 'That passphrase does not unlock this vault. Check it and try again.';
export const DAMAGED_VAULT =
  'The stored vault is damaged (its integrity check failed). Nothing was changed; restore it from a backup.';

export const KDF_OUT_OF_RANGE = `The stored vault asks for a key-derivation cost outside ${MIN_PBKDF2_ITERATIONS.toLocaleString('en')}–${MAX_PBKDF2_ITERATIONS.toLocaleString('en')} iterations, so it was not opened (it was damaged or edited). Nothing was changed; restore it from a backup.`;

export function validateNewPassphrase(passphrase: string, confirmation: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters (it has ${passphrase.length}).`;
  }
  if (passphrase !== confirmation) return 'The two passphrases do not match. Type the same passphrase twice.';
  return null;
}

function isSealed(value: unknown): value is Sealed {
  const v = value as Sealed;
  return typeof v === 'object' && v !== null && typeof v.iv === 'string' && typeof v.data === 'string';
}

/** Checks the shape of what storage holds; anything else is reported as damaged, never repaired. */
export function parseVaultRecord(value: unknown): Result<VaultRecord> {
  const r = value as VaultRecord;
  const ok =
    typeof r === 'object' &&
    r !== null &&
    r.format === VAULT_FORMAT &&
    typeof r.kdf === 'object' &&
    r.kdf !== null &&
    r.kdf.name === 'PBKDF2' &&
    r.kdf.hash === 'SHA-256' &&
    typeof r.kdf.salt === 'string' &&
    isSealed(r.wrappedKey) &&
    isSealed(r.contents);
  if (!ok) return { ok: false, error: DAMAGED_VAULT };
  // Checked before any key is derived: a forged count would otherwise hang the background.
  if (!isAllowedIterationCount(r.kdf.iterations)) return { ok: false, error: KDF_OUT_OF_RANGE };
  if (r.version !== VAULT_VERSION) {
    return {
      ok: false,
      error: `This vault was written by a newer version (format ${String(r.version)}). Update the extension.`,
    };
  }
  return { ok: true, value: r };
}

export async function createVault(
  passphrase: string,
  contents: VaultContents,
  iterations = DEFAULT_PBKDF2_ITERATIONS,
): Promise<{ record: VaultRecord; dataKey: Uint8Array<ArrayBuffer> }> {
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const kdf = newPbkdf2Params(iterations);
  const kek = await deriveKeyEncryptionKey(passphrase, kdf);
  const wrappedKey = await seal(kek, dataKey, KEY_AAD);
  const sealedContents = await sealJson(await importDataKey(dataKey), contents, CONTENTS_AAD);
  return {
    record: { format: VAULT_FORMAT, version: VAULT_VERSION, kdf, wrappedKey, contents: sealedContents },
    dataKey,
  };
}

/**
 * Passphrase → raw data key. A wrong passphrase and a damaged salt, wrapped key or its IV are
 * indistinguishable by design (AES-GCM fails either way); both leave the record untouched.
 */
export async function unwrapDataKey(record: VaultRecord, passphrase: string): Promise<Result<Uint8Array<ArrayBuffer>>> {
  try {
    fromBase64(record.kdf.salt);
  } catch {
    return { ok: false, error: DAMAGED_VAULT };
  }
  const kek = await deriveKeyEncryptionKey(passphrase, record.kdf);
  try {
    const dataKey = await open(kek, record.wrappedKey, KEY_AAD);
    if (dataKey.length !== DATA_KEY_BYTES) return { ok: false, error: DAMAGED_VAULT };
    return { ok: true, value: dataKey };
  } catch {
    return { ok: false, error: WRONG_PASSPHRASE };
  }
}

export async function readContents(
  record: VaultRecord,
  dataKey: Uint8Array<ArrayBuffer>,
): Promise<Result<VaultContents>> {
  try {
    const contents = await openJson<VaultContents>(await importDataKey(dataKey), record.contents, CONTENTS_AAD);
    if (!contents || !Array.isArray(contents.accounts)) return { ok: false, error: DAMAGED_VAULT };
    return { ok: true, value: contents };
  } catch {
    return { ok: false, error: DAMAGED_VAULT };
  }
}

/** A new record with the contents sealed under a fresh IV; the caller stores it in one write. */
export async function writeContents(
  record: VaultRecord,
  dataKey: Uint8Array<ArrayBuffer>,
  contents: VaultContents,
): Promise<VaultRecord> {
  return { ...record, contents: await sealJson(await importDataKey(dataKey), contents, CONTENTS_AAD) };
}

/** Re-wraps the data key under a new passphrase (and possibly more iterations); contents stay as they are. */
export async function rewrapDataKey(
  record: VaultRecord,
  dataKey: Uint8Array<ArrayBuffer>,
  newPassphrase: string,
  iterations = record.kdf.iterations,
): Promise<VaultRecord> {
  const kdf = newPbkdf2Params(iterations);
  const kek = await deriveKeyEncryptionKey(newPassphrase, kdf);
  return { ...record, kdf, wrappedKey: await seal(kek, dataKey, KEY_AAD) };
}
