import { imageSize, MAX_QR_PIXELS } from '@/lib/formats/image-size';
import type { ImportProblem } from '@/lib/formats/problems';
import type { Pixels } from '@/lib/formats/qr';
import { type Failure, failBecause } from '@/lib/problems';
import { t } from './i18n';

const HEADER_BYTES = 1024 * 1024;

/** The pixels of an image file or clipboard image, for QR decoding in the page. */
export async function pixelsOf(image: Blob): Promise<Pixels> {
  const bitmap = await createImageBitmap(image);
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error(t('imagesUnreadableHere'));
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/**
 * The text of the QR code in an image (a file, a pasted image, a capture of the tab), or the
 * problem that stops it, for the page to word. The size the image's header claims is checked before the
 * browser decodes it; jsQR is loaded only now, so neither page carries it until someone scans.
 */
export async function qrTextOf(image: Blob): Promise<{ ok: true; text: string } | Failure> {
  const refuse = (problem: ImportProblem): Failure => ({ ok: false, error: `import/${problem.code}`, problem });
  // The header is at the start; a JPEG's may follow up to a few hundred KB of metadata.
  const size = imageSize(new Uint8Array(await image.slice(0, HEADER_BYTES).arrayBuffer()));
  if (!size) return refuse({ code: 'image-not-png-or-jpeg' });
  if (size.width * size.height > MAX_QR_PIXELS) {
    return refuse({ code: 'image-too-large', width: size.width, height: size.height });
  }
  if (size.width === 0 || size.height === 0) return refuse({ code: 'image-empty' });
  const { readQrImage } = await import('@/lib/formats/qr');
  let pixels: Pixels;
  try {
    pixels = await pixelsOf(image);
  } catch (error) {
    return failBecause('problemImageUnreadable', error);
  }
  const read = readQrImage(pixels);
  return read.ok ? read : refuse(read.problem);
}

/** base64 of a file's bytes, in chunks (String.fromCharCode on 5 MB at once overflows the stack). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
