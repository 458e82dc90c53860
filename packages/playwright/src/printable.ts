/**
 * Text a page chose (its title, `$Config.pgid`, an account name it echoes, an error it shows)
 * reaches a terminal through the launcher and the probe, and a CI log through reports. Control
 * characters in it could move the cursor, recolour or erase earlier lines (ESC sequences), hide a
 * line (CR), or reorder what is shown (Unicode bidi overrides, "Trojan Source", CVE-2021-42574):
 * they are dropped before the helper prints anything a page wrote.
 */

/**
 * C0 controls and DEL, C1 controls (U+0080–U+009F, which some terminals read as ESC + letter),
 * the bidi marks, embeddings, overrides and isolates, and the line and paragraph separators.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this file's purpose.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Longest piece of page text a message quotes: a title or an error line, not a page. */
const MAX_PAGE_TEXT = 200;

/** `text` without control characters (white space ones become a space), at most `max` characters. */
export function printable(text: string, max = MAX_PAGE_TEXT): string {
  const cleaned = text.replace(CONTROL, (c) => (c === '\t' || c === '\n' || c === '\r' ? ' ' : ''));
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}
