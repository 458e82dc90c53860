/**
 * The encrypted vault record (docs/ARCHITECTURE.md, 'Vault'). One versioned JSON object in
 * storage.local: the KDF and its parameters, a random 256-bit data key wrapped by the passphrase
 * key, and the contents sealed with the data key. Changing the passphrase re-wraps the data key
 * only.
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
import { fail, type Result } from './problems';
import type { Settings } from './settings';

export const VAULT_FORMAT = 'mfa-autofill-vault';
export const VAULT_VERSION = 1;

export interface VaultRecord {
  format: typeof VAULT_FORMAT;
  version: typeof VAULT_VERSION;
  kdf: Pbkdf2Params;
  wrappedKey: Sealed;
  contents: Sealed;
}

/**
 * 1 (no `version` field): accounts only, settings in plain storage.local.
 * 2: settings inside, where nothing but the background can change them unnoticed.
 */
export const CONTENTS_VERSION = 2;

export interface VaultContents {
  version?: number;
  accounts: Account[];
  /** Partial: a setting not stored yet takes its default (lib/settings.ts). */
  settings?: Partial<Settings>;
}

export function emptyContents(): VaultContents {
  return { version: CONTENTS_VERSION, accounts: [], settings: {} };
}

// Additional data binds each ciphertext to its role and the format version, so a wrapped key
// cannot be swapped in as contents, and a v1 ciphertext cannot be replayed as a later version.
const KEY_AAD = `${VAULT_FORMAT}/v${VAULT_VERSION}/data-key`;
const CONTENTS_AAD = `${VAULT_FORMAT}/v${VAULT_VERSION}/contents`;

export const WRONG_PASSPHRASE = fail('problemWrongPassphrase');
export const DAMAGED_VAULT = fail('problemVaultDamaged');

export const KDF_OUT_OF_RANGE = fail('problemVaultKdfOutOfRange', MIN_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS);

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
  if (!ok) return DAMAGED_VAULT;
  // Checked before any key is derived: a forged count would otherwise hang the background.
  if (!isAllowedIterationCount(r.kdf.iterations)) return KDF_OUT_OF_RANGE;
  if (r.version !== VAULT_VERSION) {
    return fail('problemVaultNewer', String(r.version));
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
    return DAMAGED_VAULT;
  }
  const kek = await deriveKeyEncryptionKey(passphrase, record.kdf);
  try {
    const dataKey = await open(kek, record.wrappedKey, KEY_AAD);
    if (dataKey.length !== DATA_KEY_BYTES) return DAMAGED_VAULT;
    return { ok: true, value: dataKey };
  } catch {
    return WRONG_PASSPHRASE;
  }
}

export async function readContents(
  record: VaultRecord,
  dataKey: Uint8Array<ArrayBuffer>,
): Promise<Result<VaultContents>> {
  try {
    const contents = await openJson<VaultContents>(await importDataKey(dataKey), record.contents, CONTENTS_AAD);
    if (!contents || !Array.isArray(contents.accounts)) return DAMAGED_VAULT;
    if (contents.settings !== undefined && (typeof contents.settings !== 'object' || contents.settings === null)) {
      return DAMAGED_VAULT;
    }
    if ((contents.version ?? 1) > CONTENTS_VERSION) return fail('problemVaultNewer', String(contents.version));
    return { ok: true, value: contents };
  } catch {
    return DAMAGED_VAULT;
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
