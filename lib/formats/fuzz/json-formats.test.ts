import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/import/read-fixture';
import { newAccount } from '../../accounts';
import { MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS } from '../../crypto';
import { createEncryptedBackup, parseImport } from '../index';
import { fuzz, jsonInputs, mutateText, randomFrom, short } from './fuzz.testing';

/** The fuzz tests (docs/ARCHITECTURE.md, 'Testing') of the JSON importers; see text-formats.test.ts. */
const COUNT = 10_000;
const MB = 1024 * 1024;
const json = (name: string): unknown => JSON.parse(new TextDecoder().decode(readFixture(name)));

async function expectSound(report: Awaited<ReturnType<typeof fuzz>>, count = COUNT) {
  expect(report.failures).toEqual([]);
  expect(report.slow).toEqual([]);
  expect(report.inputs).toBe(count);
  expect(report.heapGrowthBytes).toBeLessThan(50 * MB);
}

const PASSPHRASE = 'fuzzing passphrase';

async function backupFile(): Promise<string> {
  const account = newAccount(
    {
      name: 'qa@contoso.com',
      issuer: 'Microsoft',
      secret: 'JBSWY3DPEHPK3PXP',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
      notes: '',
    },
    'id',
    0,
  );
  const file = await createEncryptedBackup([account], PASSPHRASE, { iterations: MIN_PBKDF2_ITERATIONS });
  if (!file.ok) throw new Error(file.problem.code);
  return file.value;
}

describe('fuzzing the JSON importers (seeded, 10,000 inputs each)', () => {
  it('Aegis export', async () => {
    await expectSound(await fuzz(jsonInputs([json('aegis-plain.json')], COUNT, 14_211), (t) => parseImport(t), short));
  });

  it('Authenticator extension backup', async () => {
    const seeds = [json('authenticator-extension-backup.json')];
    await expectSound(await fuzz(jsonInputs(seeds, COUNT, 14_212), (t) => parseImport(t), short));
  });

  it('our encrypted backup: its structure, checked before any key derivation', async () => {
    const seed = JSON.parse(await backupFile());
    // Without a passphrase the parse stops where the KDF would start: everything before it is fuzzed.
    await expectSound(await fuzz(jsonInputs([seed], COUNT, 14_213), (t) => parseImport(t), short));
  });

  it('our encrypted backup: iteration counts outside [100,000, 10,000,000] are refused before the KDF runs', async () => {
    const seed = JSON.parse(await backupFile());
    for (const iterations of [
      0,
      1,
      MIN_PBKDF2_ITERATIONS - 1,
      MAX_PBKDF2_ITERATIONS + 1,
      2 ** 31,
      2 ** 53,
      1e308,
      -1,
      0.5,
    ]) {
      const parse = await parseImport(JSON.stringify({ ...seed, kdf: { ...seed.kdf, iterations } }), {
        backupPassphrase: PASSPHRASE,
      });
      // "Damaged", not "wrong passphrase": a key derived with another count would not unwrap,
      // so this answer proves the count was refused before any derivation.
      expect(parse.error).toEqual({ code: 'backup-damaged' });
    }
  });

  it('our encrypted backup: with the passphrase, edits of the ciphertexts and salt (through the KDF)', async () => {
    const text = await backupFile();
    const random = randomFrom(14_214);
    // Each of these runs the KDF at its minimum (~30–60 ms here), so fewer of them.
    const inputs = Array.from({ length: 40 }, () => {
      const edited = JSON.parse(text);
      const target = [edited.wrappedKey, edited.contents][random(2)];
      const key = ['iv', 'data'][random(2)] as 'iv' | 'data';
      target[key] = mutateText(target[key], random);
      if (random(4) === 0) edited.kdf.salt = mutateText(edited.kdf.salt, random);
      return JSON.stringify(edited);
    });
    const report = await fuzz(inputs, (t) => parseImport(t, { backupPassphrase: PASSPHRASE }), short);
    expect(report.failures).toEqual([]);
    expect(report.heapGrowthBytes).toBeLessThan(50 * MB);
  });
});
