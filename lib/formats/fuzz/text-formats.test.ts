import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/fixtures/import/read-fixture';
import { parseImport } from '../index';
import { fuzz, randomFrom, short, textInputs } from './fuzz.testing';

/**
 * Fuzz (docs/ARCHITECTURE.md, 'Testing'): every importer, fed 10,000 seeded mutated and random inputs, ends each in a
 * result or a typed import problem — no exception, no hang (100 ms of CPU an input), no runaway
 * memory (50 MB). Seeds are fixed: a failure names an input that replays.
 */
const COUNT = 10_000;
const MB = 1024 * 1024;
const text = (name: string) => new TextDecoder().decode(readFixture(name));

async function expectSound(report: Awaited<ReturnType<typeof fuzz>>) {
  expect(report.failures).toEqual([]);
  expect(report.slow).toEqual([]);
  expect(report.inputs).toBe(COUNT);
  expect(report.heapGrowthBytes).toBeLessThan(50 * MB);
}

function varint(value: number): number[] {
  const out: number[] = [];
  let n = value;
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}
const field = (n: number, bytes: number[]) => [...varint(n * 8 + 2), ...varint(bytes.length), ...bytes];
const ascii = (s: string) => [...new TextEncoder().encode(s)];

/** A Google Authenticator export payload (MigrationPayload) of two TOTP entries, in a batch of 2. */
const PAYLOAD = [
  ...field(1, [
    ...field(1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ...field(2, ascii('Contoso:a@contoso.com')),
    0x20,
    1,
    0x28,
    1,
    0x30,
    2,
  ]),
  ...field(1, [
    ...field(1, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2]),
    ...field(2, ascii('b@fabrikam.com')),
    ...field(3, ascii('Fabrikam')),
    0x30,
    2,
  ]),
  0x10,
  1,
  0x18,
  2,
  0x20,
  0,
  0x28,
  7,
];
const link = (bytes: readonly number[]) =>
  `otpauth-migration://offline?data=${encodeURIComponent(btoa(String.fromCharCode(...bytes.map((b) => b & 0xff))))}`;

function* migrationInputs(count: number, seed: number): Generator<string> {
  const random = randomFrom(seed);
  const huge = [2 ** 31, 2 ** 53, 2 ** 63, 0xffffffff, 1e6];
  for (let i = 0; i < count; i++) {
    const bytes = [...PAYLOAD];
    for (let edits = 1 + random(4); edits > 0; edits--) {
      const at = random(bytes.length + 1);
      switch (random(5)) {
        case 0:
          bytes[at] = random(256);
          break;
        case 1:
          bytes.splice(at, 0, random(256));
          break;
        case 2:
          bytes.splice(at, 1 + random(8));
          break;
        case 3:
          // A field claiming a huge length or count: batch size, index, a length prefix.
          bytes.splice(at, 0, 8 * (1 + random(7)) + random(3), ...varint(huge[random(huge.length)] as number));
          break;
        default:
          bytes.length = at;
      }
    }
    yield i % 10 === 0 ? `${link(PAYLOAD)}\n${link(bytes)}` : link(bytes);
  }
}

describe('fuzzing the text importers (seeded, 10,000 inputs each)', () => {
  it('Entra OATH token CSV', async () => {
    const seeds = [
      text('entra-oath-tokens.csv'),
      text('entra-semicolons.csv'),
      'upn,serial number,secret key,time interval,manufacturer,model\r\n"a@x.com",1,"jbsw y3dp ehpk 3pxp",30,"Con, toso",M\r\n',
    ];
    await expectSound(await fuzz(textInputs(seeds, COUNT, 14_201), (t) => parseImport(t), short));
  });

  it('otpauth:// lines', async () => {
    const seeds = [
      'otpauth://totp/Contoso:qa.user@contoso.onmicrosoft.com?secret=jbswy3dpehpk3pxp&issuer=Microsoft\n',
      'otpauth://totp/a%20b?secret=GEZDGNBVGY3TQOJQ&digits=8&period=60&algorithm=SHA256\n# comment\notpauth://hotp/x?secret=MFRGGZDFMZTWQ2LK&counter=3\n',
    ];
    await expectSound(await fuzz(textInputs(seeds, COUNT, 14_202), (t) => parseImport(t), short));
  });

  it('Google Authenticator export links, their payload bytes mutated', async () => {
    const report = await fuzz(migrationInputs(COUNT, 14_203), (t) => parseImport(t), short);
    await expectSound(report);
    // The seed itself still imports: the fuzzing edits are what the failures come from.
    expect((await parseImport(link(PAYLOAD))).valid).toHaveLength(2);
  });

  it('raw bytes, as a file picker hands them over', async () => {
    const random = randomFrom(14_204);
    const inputs = Array.from({ length: COUNT }, () =>
      Uint8Array.from({ length: random(300) }, () => (random(3) === 0 ? random(256) : 0x20 + random(95))),
    );
    await expectSound(
      await fuzz(
        inputs,
        (bytes) => parseImport(bytes),
        (b) => `bytes ${Array.from(b.subarray(0, 40)).join(',')}`,
      ),
    );
  });
});
