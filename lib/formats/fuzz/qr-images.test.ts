import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { imageSize, MAX_QR_PIXELS } from '../image-size';
import { parseQrText } from '../index';
import { type Pixels, readQrImage } from '../qr';
import type { ImportParse } from '../types';
import { fuzz, randomFrom } from './fuzz.testing';

/**
 * The fuzz tests (docs/ARCHITECTURE.md, 'Testing') of QR images: the header reader that bounds an image before the browser decodes
 * it, and the decoder on pixels whose claimed size and content are hostile.
 */
const COUNT = 10_000;
const MB = 1024 * 1024;

async function expectSound(report: Awaited<ReturnType<typeof fuzz>>) {
  expect(report.failures).toEqual([]);
  expect(report.slow).toEqual([]);
  expect(report.inputs).toBe(COUNT);
  expect(report.heapGrowthBytes).toBeLessThan(50 * MB);
}

const none = (): ImportParse => ({
  format: null,
  error: null,
  needsPassphrase: false,
  valid: [],
  invalid: [],
  notices: [],
});

/** What the pages do: decode, then send the text; a refused image is a typed problem. */
async function importImage(image: Pixels): Promise<ImportParse> {
  const read = readQrImage(image);
  return read.ok ? parseQrText(read.text) : { ...none(), error: read.problem };
}

function qrPixels(text: string, scale: number): Pixels {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const size = (modules.size + 8) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.floor(y / scale) - 4;
      const c = Math.floor(x / scale) - 4;
      if (r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.get(r, c)) {
        const i = (y * size + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { data, width: size, height: size };
}

const PNG_HEADER = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 0, 200, 8, 6,
  0, 0, 0,
];
const JPEG_HEADER = [
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 200, 1,
  0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
];

describe('fuzzing QR images (seeded, 10,000 inputs each)', () => {
  it('reads PNG and JPEG headers: real sizes right, every mutation a size or nothing, never a throw', () => {
    expect(imageSize(Uint8Array.from(PNG_HEADER))).toEqual({ type: 'png', width: 256, height: 200 });
    expect(imageSize(Uint8Array.from(JPEG_HEADER))).toEqual({ type: 'jpeg', width: 256, height: 200 });
    const random = randomFrom(14_221);
    for (let i = 0; i < COUNT; i++) {
      const bytes = [...(random(2) === 0 ? PNG_HEADER : JPEG_HEADER)];
      for (let edits = 1 + random(4); edits > 0; edits--) {
        const at = random(bytes.length + 1);
        if (random(3) === 0) bytes.splice(at, 1 + random(4));
        else if (random(2) === 0) bytes[at] = random(256);
        else bytes.splice(at, 0, 0xff, random(256));
      }
      const size = imageSize(Uint8Array.from(bytes));
      if (size !== null) {
        expect(Number.isInteger(size.width) && size.width >= 0 && size.width <= 0xffffffff).toBe(true);
        expect(Number.isInteger(size.height) && size.height >= 0 && size.height <= 0xffffffff).toBe(true);
      }
    }
  });

  it('decodes hostile pixels: claimed sizes that do not match, huge claims, noise, damaged codes', async () => {
    const random = randomFrom(14_222);
    const code = qrPixels('otpauth://totp/Contoso:qa@contoso.com?secret=JBSWY3DPEHPK3PXP&issuer=Microsoft', 2);
    const claims = [0, -1, 1, 7, 2 ** 16, 2 ** 31, 2 ** 53, Number.NaN, 0.5, 1e308];
    function* images(): Generator<Pixels> {
      for (let i = 0; i < COUNT; i++) {
        // Damaged codes take jsQR milliseconds each, noise microseconds: 2% of the inputs are codes.
        const kind = random(50);
        if (kind === 0) {
          // A size claim with next to no pixels behind it: refused before anything is allocated.
          yield {
            data: new Uint8ClampedArray(16),
            width: claims[random(claims.length)] as number,
            height: claims[random(claims.length)] as number,
          };
        } else if (kind === 1) {
          // The real code with a few hundred pixels flipped.
          const data = code.data.slice();
          for (let flips = random(400); flips > 0; flips--) data[random(data.length)] = random(256);
          yield { ...code, data };
        } else {
          const width = 1 + random(24);
          const height = 1 + random(24);
          const data = new Uint8ClampedArray(width * height * 4);
          for (let p = 0; p < data.length; p++) data[p] = random(256);
          yield { data, width, height };
        }
      }
    }
    const report = await fuzz(
      images(),
      importImage,
      (image) => `${image.width}×${image.height}, ${image.data.length} bytes`,
    );
    await expectSound(report);
    expect(readQrImage({ data: new Uint8ClampedArray(4), width: 7680, height: 4321 })).toEqual({
      ok: false,
      problem: { code: 'image-too-large', width: 7680, height: 4321 },
    });
    expect(7680 * 4320).toBe(MAX_QR_PIXELS);
  });
});
