import { Secret } from 'otpauth';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { english } from './english.testing';
import { describeImportProblem, type ImportParse, type ImportProblem, parseImport, parseQrText } from './index';
import { type Pixels, readQrImage } from './qr';

/** What the options page and the popup do with an image: decode it there, send only the text. */
async function parseQrImage(image: Pixels): Promise<ImportParse> {
  const read = readQrImage(image);
  if (!read.ok)
    return { format: null, error: read.problem, needsPassphrase: false, valid: [], invalid: [], notices: [] };
  return parseQrText(read.text);
}
const NO_QR_CODE: ImportProblem = { code: 'no-qr-code' };

/**
 * Renders `text` as a QR code into RGBA pixels the way a screen shows it: dark modules on
 * white, `scale` pixels a module, a quiet zone of `quiet` modules, optionally at (`left`,
 * `top`) of a larger image (a screen capture with the code somewhere in it).
 */
function renderQr(
  text: string,
  { scale = 4, quiet = 4, width = 0, height = 0, left = 0, top = 0, invert = false } = {},
): Pixels {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const codeSize = (modules.size + 2 * quiet) * scale;
  const imageWidth = Math.max(width, left + codeSize);
  const imageHeight = Math.max(height, top + codeSize);
  const data = new Uint8ClampedArray(imageWidth * imageHeight * 4).fill(255);
  const [dark, light] = invert ? [255, 0] : [0, 255];
  for (let y = 0; y < codeSize; y++) {
    for (let x = 0; x < codeSize; x++) {
      const row = Math.floor(y / scale) - quiet;
      const col = Math.floor(x / scale) - quiet;
      const inCode = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      const value = inCode && modules.get(row, col) ? dark : light;
      const i = ((y + top) * imageWidth + (x + left)) * 4;
      data[i] = data[i + 1] = data[i + 2] = value;
    }
  }
  return { data, width: imageWidth, height: imageHeight };
}

/** A photo-like image with no code: a gradient with deterministic noise. */
function noiseImage(width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  let state = 12345;
  for (let i = 0; i < width * height; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const noise = (state >>> 24) - 128;
    const base = ((i % width) / width) * 160 + 40;
    data[i * 4] = base + noise * 0.6;
    data[i * 4 + 1] = base * 0.8 + noise * 0.5;
    data[i * 4 + 2] = 200 - base * 0.5 + noise * 0.4;
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}

const REGISTRATION_LINK =
  'otpauth://totp/Contoso:qa.user@contoso.onmicrosoft.com?secret=jbswy3dpehpk3pxp&issuer=Microsoft';

describe('QR code images', () => {
  it('decodes the registration QR of mysignins.microsoft.com into the account it shows', async () => {
    const parse = await parseQrImage(renderQr(REGISTRATION_LINK));
    expect(parse.error).toBeNull();
    expect(parse.valid).toEqual([
      {
        name: 'qa.user@contoso.onmicrosoft.com',
        issuer: 'Microsoft',
        secret: 'JBSWY3DPEHPK3PXP',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: '',
        where: {},
      },
    ]);
  });

  it('gives the same account as the link itself, whatever the scale, position or colours', async () => {
    const fromLink = (await parseImport(REGISTRATION_LINK)).valid.map(({ where: _, ...a }) => a);
    for (const options of [
      { scale: 2 },
      { scale: 7, width: 900, height: 700, left: 311, top: 97 },
      { scale: 5, invert: true },
      // Full-screen captures, scanned in two passes: 1080p at 4 pixels a module, 4K at 8.
      { scale: 4, width: 1920, height: 1080, left: 1203, top: 377 },
      { scale: 8, width: 3840, height: 2160, left: 2011, top: 1001 },
    ]) {
      const fromImage = (await parseQrImage(renderQr(REGISTRATION_LINK, options))).valid.map(({ where: _, ...a }) => a);
      expect(fromImage, JSON.stringify(options)).toEqual(fromLink);
    }
  });

  it('decodes a Google Authenticator export QR (otpauth-migration://) into its accounts', async () => {
    // MigrationPayload, encoded by hand: one OtpParameters (34 bytes) with secret
    // 48656c6c6f21deadbeef, name "alice@x.com", issuer "X", SHA1, 6 digits, TOTP;
    // then version 1, batch size 1, batch index 0, batch id 5.
    const payload = new Uint8Array([
      0x0a,
      0x22,
      0x0a,
      0x0a,
      0x48,
      0x65,
      0x6c,
      0x6c,
      0x6f,
      0x21,
      0xde,
      0xad,
      0xbe,
      0xef,
      0x12,
      0x0b,
      ...new TextEncoder().encode('alice@x.com'),
      0x1a,
      0x01,
      0x58,
      0x20,
      0x01,
      0x28,
      0x01,
      0x30,
      0x02,
      0x10,
      0x01,
      0x18,
      0x01,
      0x20,
      0x00,
      0x28,
      0x05,
    ]);
    const link = `otpauth-migration://offline?data=${encodeURIComponent(btoa(String.fromCharCode(...payload)))}`;
    const parse = await parseQrImage(renderQr(link));
    expect(parse.format).toBe('google-migration');
    expect(parse.valid.map((a) => [a.where, a.name, a.issuer, a.secret, a.digits, a.algorithm])).toEqual([
      [{ entry: 1 }, 'alice@x.com', 'X', Secret.fromHex('48656c6c6f21deadbeef').base32, 6, 'SHA1'],
    ]);
  });

  it('reports a link with a bad secret without a line number', async () => {
    const parse = await parseQrImage(renderQr('otpauth://totp/a@x.com?secret=JBSWY3DP'));
    expect(parse.invalid.map((r) => r.where)).toEqual([{}]);
  });

  it.each([
    { why: 'a photo-like image with no code', image: noiseImage(320, 240), error: NO_QR_CODE },
    {
      why: 'a blank image',
      image: { data: new Uint8ClampedArray(100 * 100 * 4).fill(255), width: 100, height: 100 },
      error: NO_QR_CODE,
    },
    {
      why: 'a QR code of a web address',
      image: renderQr('https://example.com/'),
      error: { code: 'qr-not-authenticator' } as const,
    },
    {
      why: 'no pixels',
      image: { data: new Uint8ClampedArray(0), width: 0, height: 0 },
      error: { code: 'image-empty' } as const,
    },
  ])('$why', async ({ image, error }) => {
    const parse = await parseQrImage(image);
    expect(parse.error).toEqual(error);
    expect(parse.valid).toEqual([]);
  });

  it('says "No QR code found in the image" in so many words', () => {
    expect(describeImportProblem(NO_QR_CODE, english)).toMatch(/^No QR code found in the image\./);
  });
});
