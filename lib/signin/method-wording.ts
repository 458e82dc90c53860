/**
 * Which method a prompt's own words name (docs/ARCHITECTURE.md, 'Microsoft sign-in pages': the
 * description `#idDiv_SAOTCC_Description` says which method the code comes from; the same page
 * serves SMS and voice codes, "We texted your phone …"). The sign-in pages are translated, so the
 * words are listed in English, German, French and Japanese; a page in another language says
 * nothing, and is then filled only on the evidence of the chooser or `$Config`. Japanese has no
 * spaces, so its words are matched without word boundaries.
 */
import type { CodeMethod } from './proof-method';

const WORDINGS: ReadonlyArray<readonly [CodeMethod, RegExp]> = [
  // "Enter the code displayed in the authenticator app on your mobile device"; OATH hardware
  // tokens. "Authentifizierungs-App", "l'application Authenticator", "認証アプリ", "トークン".
  ['totp', /\bauthenticator\b|\bapps?\b|\btoken\b|\bapplication\b|\bjeton\b|アプリ|トークン/i],
  // "We texted your phone +X XXXXXXXX12"; voice calls. Not plain "phone" (an app lives on a phone
  // too). "Textnachricht", "Anruf", "texto", "appel", "テキスト メッセージ", "電話をかけ", "音声通話".
  [
    'phone',
    /\btext(ed)?\b|\bsms\b|\bcall(ed|ing)?\b|\bvoice\b|\btextnachricht|\banruf|\bangerufen\b|\btexto\b|\bappel|テキスト\s?メッセージ|電話をかけ|音声通話/i,
  ],
  ['email', /\be-?mail(ed)?\b|\bcourriel\b|メール/i],
];

/** The method the text names, 'mixed' when it names more than one, null when it names none. */
export function methodFromWording(text: string | null | undefined): CodeMethod | 'mixed' | null {
  if (!text) return null;
  const named = WORDINGS.filter(([, wording]) => wording.test(text)).map(([method]) => method);
  if (named.length > 1) return 'mixed';
  return named[0] ?? null;
}
