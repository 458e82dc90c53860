/**
 * An image's dimensions from its header, read before anything decodes it: `createImageBitmap` on a
 * forged 65535 × 65535 PNG would allocate 16 GB of pixels (every size a file claims is bounded
 * before anything is allocated: docs/ARCHITECTURE.md, 'Security notes from review'). PNG and JPEG
 * only: what screen captures, pasted images and phone photos are, and what the import's file picker
 * accepts.
 */
export interface ImageSize {
  type: 'png' | 'jpeg';
  width: number;
  height: number;
}

/** 8K; anything larger is neither a screen capture nor a phone photo. */
export const MAX_QR_PIXELS = 7680 * 4320;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function uint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function uint32(bytes: Uint8Array, at: number): number {
  return uint16(bytes, at) * 0x10000 + uint16(bytes, at + 2);
}

function pngSize(bytes: Uint8Array): ImageSize | null {
  // The first chunk must be IHDR (PNG spec 5.2): length 13, then width and height.
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (bytes.length < 24 || ihdr !== 'IHDR') return null;
  return { type: 'png', width: uint32(bytes, 16), height: uint32(bytes, 20) };
}

/** Walks the JPEG's marker segments (ITU T.81 B.1) to the first start-of-frame, which holds the size. */
function jpegSize(bytes: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // markers without a length
      continue;
    }
    const length = uint16(bytes, at + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return null;
      return { type: 'jpeg', height: uint16(bytes, at + 5), width: uint16(bytes, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

export function imageSize(bytes: Uint8Array): ImageSize | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngSize(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return null;
}
