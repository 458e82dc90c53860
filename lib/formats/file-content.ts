import type { ImportProblem } from './problems';

/**
 * The largest import read. A CSV of 1,000 hardware tokens is ~100 KB and an Aegis export
 * with icons a few MB; anything bigger is not an authenticator export, and reading it would
 * only stall the service worker. The options page can also check `File.size` against it
 * before reading the file at all.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const NOT_TEXT: ImportProblem = { code: 'not-text' };
const UTF16: ImportProblem = { code: 'utf16' };
const IMAGE: ImportProblem = { code: 'image' };

export function tooLarge(size: number): ImportProblem {
  // Rounded up so a file just over the limit does not read as "5.0 MB; the limit is 5 MB".
  const megabytes = Math.ceil((size / (1024 * 1024)) * 10) / 10;
  return { code: 'too-large', megabytes: megabytes.toFixed(1), limit: MAX_IMPORT_BYTES / (1024 * 1024) };
}

type Read = { ok: true; value: string } | { ok: false; problem: ImportProblem };

/**
 * PNG, JPEG, GIF and WebP signatures at the start of the file, read as raw bytes (one
 * character a byte) or after a lenient UTF-8 decode, which turns the non-ASCII bytes of
 * the PNG and JPEG signatures into U+FFFD.
 */
function looksLikeImage(head: string): boolean {
  return (
    /^[\u0089\uFFFD]PNG\r\n/.test(head) ||
    /^\u00FF\u00D8\u00FF/.test(head) ||
    (/^\uFFFD{2}/.test(head) && /JFIF|Exif/.test(head)) ||
    /^GIF8[79]a/.test(head) ||
    /^RIFF[\s\S]{4}WEBP/.test(head)
  );
}

/** The first bytes, one character a byte, for the signature checks. */
function bytesHead(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 16));
}

/**
 * Text that got here through a lenient decode (`File.text()`) shows binary data as NULs,
 * control characters and U+FFFD: about half the characters of random bytes. A stray one is
 * a typo (and the row's own validation will say so); one in ten is not text.
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) junk++;
  }
  return junk > sample.length * 0.1;
}

/**
 * Turns the file as read (raw bytes, or text from `File.text()`, a paste, a QR code) into
 * the text the parsers read, or refuses it: too large, empty, an image, binary, UTF-16.
 * Strips a UTF-8 byte order mark (Excel's "CSV UTF-8" starts with one).
 */
export function readImportContent(content: string | Uint8Array): Read {
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > MAX_IMPORT_BYTES) return { ok: false, problem: tooLarge(size) };

  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    const head = bytesHead(content);
    if (/^(\xFF\xFE|\xFE\xFF)/.test(head)) return { ok: false, problem: UTF16 };
    if (looksLikeImage(head)) return { ok: false, problem: IMAGE };
    try {
      // fatal: invalid UTF-8 is binary data, not something to patch with U+FFFD; the decoder drops a BOM.
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return { ok: false, problem: NOT_TEXT };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, problem: { code: 'empty' } };
  if (looksLikeImage(text.slice(0, 16))) return { ok: false, problem: IMAGE };
  // UTF-16 read as UTF-8: every other character of ASCII text is a NUL.
  if (/^(\uFFFD\uFFFD)?([^\0]\0[^\0]\0|\0[^\0]\0[^\0])/.test(text.slice(0, 6))) return { ok: false, problem: UTF16 };
  if (looksBinary(text)) return { ok: false, problem: NOT_TEXT };
  return { ok: true, value: text };
}

/** Lines of a text file whatever its line endings (Windows Notepad writes CRLF). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
