/**
 * Which method a prompt's own words name (docs/ARCHITECTURE.md, 'Microsoft sign-in pages': the
 * description `#idDiv_SAOTCC_Description` says which method the code comes from; the same page
 * serves SMS and voice codes, "We texted your phone …"). English wording only: other languages say
 * nothing, and the page is then filled only on the evidence of the chooser or `$Config`.
 */
import type { CodeMethod } from './proof-method';

const WORDINGS: ReadonlyArray<readonly [CodeMethod, RegExp]> = [
  // "Enter the code displayed in the authenticator app on your mobile device"; OATH hardware tokens.
  ['totp', /\bauthenticator\b|\bapps?\b|\btoken\b/i],
  // "We texted your phone +X XXXXXXXX12"; voice calls. Not plain "phone": an app lives on a phone too.
  ['phone', /\btext(ed)?\b|\bsms\b|\bcall(ed|ing)?\b|\bvoice\b/i],
  ['email', /\be-?mail(ed)?\b/i],
];

/** The method the text names, 'mixed' when it names more than one, null when it names none. */
export function methodFromWording(text: string | null | undefined): CodeMethod | 'mixed' | null {
  if (!text) return null;
  const named = WORDINGS.filter(([, wording]) => wording.test(text)).map(([method]) => method);
  if (named.length > 1) return 'mixed';
  return named[0] ?? null;
}
