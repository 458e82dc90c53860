/**
 * Web Crypto building blocks shared by the vault and the encrypted backup (docs/ARCHITECTURE.md,
 * 'Vault'): PBKDF2-HMAC-SHA256 → key-encryption key; AES-GCM with a fresh 96-bit IV, 128-bit tag
 * and additional data that binds the format version.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256, also Bitwarden's default. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/**
 * The PBKDF2 iteration counts a vault, a backup or a passphrase change may use. Below, a stolen
 * record is cheap to guess at (OWASP's floor for SHA-256 is 600,000; 100,000 still costs an
 * attacker a sixth of that); above, one unlock takes minutes, and a forged count in the billions
 * would hang the background for good. Whatever a stored record says is checked against these
 * before any key is derived.
 */
export const MIN_PBKDF2_ITERATIONS = 100_000;
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const DATA_KEY_BYTES = 32;

export interface Pbkdf2Params {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
}

export interface Sealed {
  /** base64 of the 12-byte IV */
  iv: string;
  /** base64 of ciphertext ‖ 16-byte tag */
  data: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Throws on anything that is not strict base64; callers turn that into a "damaged" message. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new Error('not base64');
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function isAllowedIterationCount(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_PBKDF2_ITERATIONS &&
    value <= MAX_PBKDF2_ITERATIONS
  );
}

/** Callers check user-supplied counts first (isAllowedIterationCount); reaching here with another is a bug. */
function assertAllowedIterationCount(iterations: number): void {
  if (!isAllowedIterationCount(iterations)) throw new RangeError(`PBKDF2 iteration count out of range: ${iterations}`);
}

export function newPbkdf2Params(iterations = DEFAULT_PBKDF2_ITERATIONS): Pbkdf2Params {
  assertAllowedIterationCount(iterations);
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(randomBytes(SALT_BYTES)) };
}

/** Passphrase → AES-GCM key-encryption key. This is the slow step (the KDF's own cost). */
export async function deriveKeyEncryptionKey(passphrase: string, params: Pbkdf2Params): Promise<CryptoKey> {
  assertAllowedIterationCount(params.iterations);
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: params.hash, iterations: params.iterations, salt: fromBase64(params.salt) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(
  key: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  additionalData: string,
): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, tagLength: 128, additionalData: encoder.encode(additionalData) },
    key,
    plaintext,
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Rejects when the key is wrong or any byte of IV, ciphertext, tag or additional data changed. */
export async function open(key: CryptoKey, sealed: Sealed, additionalData: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = fromBase64(sealed.iv);
  if (iv.length !== IV_BYTES) throw new Error('bad IV length');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv, tagLength: 128, additionalData: encoder.encode(additionalData) },
    key,
    fromBase64(sealed.data),
  );
  return new Uint8Array(plain);
}

export function sealJson(key: CryptoKey, value: unknown, additionalData: string): Promise<Sealed> {
  return seal(key, encoder.encode(JSON.stringify(value)), additionalData);
}

export async function openJson<T>(key: CryptoKey, sealed: Sealed, additionalData: string): Promise<T> {
  return JSON.parse(decoder.decode(await open(key, sealed, additionalData))) as T;
}
