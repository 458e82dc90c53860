import jsQR, { type Options as JsQrOptions } from 'jsqr';
import { MAX_QR_PIXELS } from './image-size';
import type { ImportProblem } from './problems';
import { isAuthenticatorLink } from './qr-text';

/** RGBA pixels, 4 bytes a pixel, row by row: an `ImageData` fits. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * jsQR's cost grows faster than the pixel count on busy images: measured here (Node 20), a
 * text-heavy page without a code takes ~5 s to scan at 1920×1080 and ~27 s at 3840×2160.
 * So an image larger than this is scanned first at a coarser sampling, which finds a code
 * whose modules are still ≥ ~2 pixels wide there (a registration QR in a 4K capture, a phone
 * photo), then once more at twice that density: ≤ ~3.5 s on the same pages, codes with
 * 4-pixel modules still found in both.
 */
const FAST_SCAN_PIXELS = 1024 * 1024;

/**
 * Every `step`-th pixel of every `step`-th row. Nearest-pixel rather than averaging: jsQR
 * reads crisp module edges at two pixels a module more reliably than blurred ones.
 */
function subsample(image: Pixels, step: number): Pixels {
  if (step === 1) return image;
  const width = Math.floor(image.width / step);
  const height = Math.floor(image.height / step);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sourceRow = y * step * image.width;
    for (let x = 0; x < width; x++) {
      const from = (sourceRow + x * step) * 4;
      data.set(image.data.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

/** The text of the QR code in the image (a screen capture, a photo, a loaded or pasted image). */
export function decodeQrCode(image: Pixels): { ok: true; value: string } | { ok: false; problem: ImportProblem } {
  const { data, width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    return { ok: false, problem: { code: 'image-empty' } };
  }
  if (width * height > MAX_QR_PIXELS) return { ok: false, problem: { code: 'image-too-large', width, height } };
  if (data.length !== width * height * 4) return { ok: false, problem: { code: 'image-damaged' } };

  const coarse = Math.ceil(Math.sqrt((width * height) / FAST_SCAN_PIXELS));
  // Light modules on dark (dark-mode pages, some phones) are tried inverted, on the first pass only.
  const passes: [number, JsQrOptions['inversionAttempts']][] =
    coarse > 1
      ? [
          [coarse, 'attemptBoth'],
          [Math.ceil(coarse / 2), 'dontInvert'],
        ]
      : [[1, 'attemptBoth']];
  for (const [step, inversionAttempts] of passes) {
    const sampled = subsample(image, step);
    const code = jsQR(sampled.data, sampled.width, sampled.height, { inversionAttempts });
    if (code && code.data.trim() !== '') return { ok: true, value: code.data };
  }
  return { ok: false, problem: { code: 'no-qr-code' } };
}

/**
 * What the page that has the image (options, popup) does with it: decode, then check that the
 * code holds an authenticator link. Only the text goes to the background, which never loads
 * jsQR (docs/ARCHITECTURE.md, 'Performance budgets').
 */
export function readQrImage(image: Pixels): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  const decoded = decodeQrCode(image);
  if (!decoded.ok) return decoded;
  if (!isAuthenticatorLink(decoded.value)) return { ok: false, problem: { code: 'qr-not-authenticator' } };
  return { ok: true, text: decoded.value.trim() };
}
