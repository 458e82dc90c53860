import { describe, expect, it } from 'vitest';
import { newAccount } from './accounts';
import {
  DEFAULT_PBKDF2_ITERATIONS,
  fromBase64,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  toBase64,
} from './crypto';
import {
  createVault,
  DAMAGED_VAULT,
  KDF_OUT_OF_RANGE,
  parseVaultRecord,
  readContents,
  rewrapDataKey,
  unwrapDataKey,
  VAULT_FORMAT,
  VAULT_VERSION,
  type VaultContents,
  type VaultRecord,
  WRONG_PASSPHRASE,
  writeContents,
} from './vault';

// The lowest count a vault may use keeps these tests fast; one test below uses the real default.
const FAST = MIN_PBKDF2_ITERATIONS;
const PASSPHRASE = 'correct horse battery staple';
const SECRET = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA';
const NAME = 'qa.user@contoso.onmicrosoft.com';
const CONTENTS: VaultContents = {
  accounts: [
    newAccount(
      { name: NAME, issuer: 'Contoso', secret: SECRET, digits: 6, period: 30, algorithm: 'SHA1', notes: 'serial 1234' },
      'id-1',
      1,
    ),
  ],
};

/** Flips one bit in the middle of a base64 field. */
function flipByte(base64: string): string {
  const bytes = fromBase64(base64);
  const index = Math.floor(bytes.length / 2);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return toBase64(bytes);
}

describe('vault', () => {
  it('round trips the contents through passphrase → data key → contents', async () => {
    const { record } = await createVault(PASSPHRASE, CONTENTS, FAST);
    const key = await unwrapDataKey(record, PASSPHRASE);
    expect(key.ok).toBe(true);
    if (!key.ok) return;
    expect(await readContents(record, key.value)).toEqual({ ok: true, value: CONTENTS });
  });

  it('uses PBKDF2-SHA256 with 600,000 iterations and a 16-byte random salt by default', async () => {
    const { record } = await createVault(PASSPHRASE, CONTENTS);
    expect(record.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: DEFAULT_PBKDF2_ITERATIONS });
    expect(DEFAULT_PBKDF2_ITERATIONS).toBe(600_000);
    expect(fromBase64(record.kdf.salt)).toHaveLength(16);
    const other = await createVault(PASSPHRASE, CONTENTS, FAST);
    expect(other.record.kdf.salt).not.toBe(record.kdf.salt);
    expect((await unwrapDataKey(record, PASSPHRASE)).ok).toBe(true);
  });

  it('refuses a wrong passphrase with a message saying so', async () => {
    const { record } = await createVault(PASSPHRASE, CONTENTS, FAST);
    expect(await unwrapDataKey(record, 'correct horse battery stapler')).toEqual(WRONG_PASSPHRASE);
  });

  it('stores neither secrets nor account names in the record', async () => {
    const { record, dataKey } = await createVault(PASSPHRASE, CONTENTS, FAST);
    const rewritten = await writeContents(record, dataKey, CONTENTS);
    for (const stored of [record, rewritten]) {
      const json = JSON.stringify(stored);
      for (const needle of [SECRET, SECRET.toLowerCase(), NAME, 'contoso', 'Contoso', 'serial 1234', PASSPHRASE]) {
        expect(json).not.toContain(needle);
      }
    }
  });

  it('uses a fresh IV for every write', async () => {
    const { record, dataKey } = await createVault(PASSPHRASE, CONTENTS, FAST);
    const first = await writeContents(record, dataKey, CONTENTS);
    const second = await writeContents(first, dataKey, CONTENTS);
    expect(new Set([record.contents.iv, first.contents.iv, second.contents.iv]).size).toBe(3);
  });

  const tamperings: [string, (r: VaultRecord) => VaultRecord, 'unwrap' | 'read'][] = [
    ['the salt', (r) => ({ ...r, kdf: { ...r.kdf, salt: flipByte(r.kdf.salt) } }), 'unwrap'],
    [
      'the wrapped key',
      (r) => ({ ...r, wrappedKey: { ...r.wrappedKey, data: flipByte(r.wrappedKey.data) } }),
      'unwrap',
    ],
    ['the wrapped key IV', (r) => ({ ...r, wrappedKey: { ...r.wrappedKey, iv: flipByte(r.wrappedKey.iv) } }), 'unwrap'],
    ['the ciphertext', (r) => ({ ...r, contents: { ...r.contents, data: flipByte(r.contents.data) } }), 'read'],
    ['the contents IV', (r) => ({ ...r, contents: { ...r.contents, iv: flipByte(r.contents.iv) } }), 'read'],
    ['the contents swapped for the wrapped key', (r) => ({ ...r, contents: r.wrappedKey }), 'read'],
  ];

  it.each(tamperings)('detects a flipped byte in %s', async (_, tamper, stage) => {
    const { record } = await createVault(PASSPHRASE, CONTENTS, FAST);
    const damaged = tamper(structuredClone(record));
    const snapshot = JSON.stringify(damaged);
    const key = await unwrapDataKey(damaged, PASSPHRASE);
    if (stage === 'unwrap') {
      // AES-GCM cannot tell a wrong passphrase from a damaged key-wrapping: either way, no key.
      expect(key.ok).toBe(false);
    } else {
      expect(key.ok).toBe(true);
      if (key.ok) expect(await readContents(damaged, key.value)).toEqual(DAMAGED_VAULT);
    }
    // Reading never changes what it read.
    expect(JSON.stringify(damaged)).toBe(snapshot);
  });

  it('changing the passphrase re-wraps the data key and keeps the accounts', async () => {
    const { record, dataKey } = await createVault(PASSPHRASE, CONTENTS, FAST);
    const rewrapped = await rewrapDataKey(record, dataKey, 'a new passphrase', FAST + 1);
    expect(rewrapped.contents).toEqual(record.contents);
    expect(rewrapped.kdf.iterations).toBe(FAST + 1);
    expect((await unwrapDataKey(rewrapped, PASSPHRASE)).ok).toBe(false);
    const key = await unwrapDataKey(rewrapped, 'a new passphrase');
    expect(key.ok && toBase64(key.value)).toBe(toBase64(dataKey));
    if (key.ok) expect(await readContents(rewrapped, key.value)).toEqual({ ok: true, value: CONTENTS });
  });
});

describe('KDF iteration bounds', () => {
  const outOfRange: [string, unknown][] = [
    ['zero', 0],
    ['one below the floor', MIN_PBKDF2_ITERATIONS - 1],
    ['one above the ceiling', MAX_PBKDF2_ITERATIONS + 1],
    ['a forged count in the billions', 5_000_000_000],
    ['a fraction', 600_000.5],
    ['text', '600000'],
    ['Infinity', Number.POSITIVE_INFINITY],
  ];

  it.each(outOfRange)('reading a vault record whose KDF asks for %s is a clear error', async (_, iterations) => {
    const { record } = await createVault(PASSPHRASE, CONTENTS, MIN_PBKDF2_ITERATIONS);
    const forged = { ...record, kdf: { ...record.kdf, iterations } };
    expect(parseVaultRecord(forged)).toEqual(KDF_OUT_OF_RANGE);
  });

  it.each([MIN_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS])('accepts %i iterations', (iterations) => {
    const record = {
      format: VAULT_FORMAT,
      version: VAULT_VERSION,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      wrappedKey: { iv: '', data: '' },
      contents: { iv: '', data: '' },
    };
    expect(parseVaultRecord(record).ok).toBe(true);
  });

  it('derives no key from a count out of range, even when a caller forgets to check', async () => {
    const { record } = await createVault(PASSPHRASE, CONTENTS, MIN_PBKDF2_ITERATIONS);
    await expect(
      unwrapDataKey({ ...record, kdf: { ...record.kdf, iterations: 5_000_000_000 } }, PASSPHRASE),
    ).rejects.toThrow(RangeError);
    await expect(createVault(PASSPHRASE, CONTENTS, 1_000)).rejects.toThrow(RangeError);
  });
});
