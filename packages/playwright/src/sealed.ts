/**
 * How the accounts reach the extension without passing through anything Playwright records.
 * Playwright traces keep every `page.evaluate` argument and return value, and traces are CI
 * artifacts many people can download. So the extension page makes an ECDH key pair whose private
 * half never leaves it and returns the public half; Node seals the accounts to it (ECDH P-256 →
 * HKDF-SHA256 → AES-256-GCM) and passes only its own public key, an IV and the ciphertext. What a
 * trace holds is two public keys and ciphertext: nobody who reads it can open it.
 */
import { webcrypto } from 'node:crypto';

const { subtle } = webcrypto;

export interface SealedEnvelope {
  /** Node's ephemeral public key, raw P-256 point, base64. */
  publicKey: string;
  iv: string;
  ciphertext: string;
}

/** The HKDF `info` both sides use: binds the key to this purpose. */
export const SEAL_INFO = 'mfa-autofill-playwright vault setup v1';

const b64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes as ArrayBuffer).toString('base64');

export async function sealTo(recipientPublicKey: string, plaintext: string): Promise<SealedEnvelope> {
  const curve = { name: 'ECDH', namedCurve: 'P-256' } as const;
  const recipient = await subtle.importKey('raw', Buffer.from(recipientPublicKey, 'base64'), curve, false, []);
  const own = await subtle.generateKey(curve, false, ['deriveBits']);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: recipient }, own.privateKey, 256);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: new TextEncoder().encode(SEAL_INFO) },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return { publicKey: b64(await subtle.exportKey('raw', own.publicKey)), iv: b64(iv), ciphertext: b64(ciphertext) };
}
