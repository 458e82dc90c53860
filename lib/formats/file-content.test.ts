import { describe, expect, it } from 'vitest';
import { parseImportWorded } from './english.testing';
import { MAX_IMPORT_BYTES } from './index';

/** Deterministic bytes that are not text, like a zip or an executable. */
function junkBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const NOT_TEXT =
  'This file is not a text export (it looks like binary data). Choose a CSV, text or JSON export saved as UTF-8.';
const UTF16 =
  'This file is saved as UTF-16 ("Unicode text"). Save it as "CSV UTF-8" (or plain UTF-8 text) and import that file.';
const IMAGE = 'This file is an image: import it as a QR code image instead.';
const HEADER = 'upn,serial number,secret key,time interval,manufacturer,model\n';

describe('files that are refused before any parser sees them', () => {
  it.each([
    { why: 'binary junk as bytes', content: junkBytes(4096), error: NOT_TEXT },
    { why: 'binary junk read leniently as text', content: new TextDecoder().decode(junkBytes(4096)), error: NOT_TEXT },
    { why: 'a zip archive', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), error: NOT_TEXT },
    {
      why: 'UTF-16 with a byte order mark',
      content: new Uint8Array([0xff, 0xfe, 0x75, 0, 0x70, 0, 0x6e, 0]),
      error: UTF16,
    },
    { why: 'UTF-16 read as UTF-8 text', content: 'u\0p\0n\0,\0', error: UTF16 },
    {
      why: 'a PNG',
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      error: IMAGE,
    },
    {
      why: 'a JPEG',
      content: new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 16, 0x45, 0x78, 0x69, 0x66, 0]),
      error: IMAGE,
    },
    {
      why: 'a JPEG read as text',
      content: new TextDecoder().decode(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0])),
      error: IMAGE,
    },
  ])('$why', async ({ content, error }) => {
    const parse = await parseImportWorded(content);
    expect(parse).toEqual({ format: null, error, needsPassphrase: false, valid: [], invalid: [], notices: [] });
  });

  it('refuses a file over 5 MB, as bytes or as text, with its size', async () => {
    const size = 5 * 1024 * 1024 + 1;
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    const error = 'This file is too large to be an authenticator export (5.1 MB; the limit is 5 MB).';
    const bytes = new Uint8Array(size).fill(0x61);
    expect((await parseImportWorded(bytes)).error).toBe(error);
    expect((await parseImportWorded('a'.repeat(size))).error).toBe(error);
    expect((await parseImportWorded(new Uint8Array(12 * 1024 * 1024))).error).toBe(
      'This file is too large to be an authenticator export (12.0 MB; the limit is 5 MB).',
    );
  });

  it('reads a file just under the limit', async () => {
    const row = 'a@x.com,1,JBSWY3DPEHPK3PXP,30,c,m\n';
    const text = HEADER + row.repeat(Math.floor((MAX_IMPORT_BYTES - HEADER.length) / row.length));
    expect(text.length).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    const parse = await parseImportWorded(text);
    expect(parse.error).toBeNull();
    expect(parse.valid.length).toBeGreaterThan(100_000);
  });

  it('reads UTF-8 bytes with a byte order mark and non-ASCII names', async () => {
    const text = `\uFEFF${HEADER}jörg.müller@contoso.onmicrosoft.com,1,JBSWY3DPEHPK3PXP,30,c,m\n`;
    const parse = await parseImportWorded(new TextEncoder().encode(text));
    expect(parse.valid.map((a) => a.name)).toEqual(['jörg.müller@contoso.onmicrosoft.com']);
  });

  it('treats a stray control character in a text file as a typo, not binary', async () => {
    const parse = await parseImportWorded(`${HEADER}a@x.com,1,JBSWY3DPEHPK3PXP,30,c\u0007,m\n`);
    expect(parse.error).toBeNull();
  });
});
