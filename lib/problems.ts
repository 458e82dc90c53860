/**
 * The one vocabulary of failure (docs/ARCHITECTURE.md, 'Problems and words'). Whatever goes wrong
 * that a person is shown is a `Problem`: a code with parameters, never a sentence. Only the page
 * that shows one words it, in its language, through _locales (`problemText` in
 * components/failure-text.ts). Problems are told apart by `code` alone:
 * - a vault, account or request problem is one locale message: its code is the message's key
 *   and its parameters the substitutions (`MessageProblem`, the English below);
 * - an import or export problem carries structured parameters (lib/formats/problems.ts);
 * - a malformed otpauth:// link carries its issue (lib/otpauth-link.ts).
 * A failed result or reply is a `Failure`: the problem, and the same in English in `error` for
 * logs and the QA helper (packages/playwright), which run outside the browser's i18n.
 *
 * The English here is the English of public/_locales/en/messages.json, $1, $2… for the
 * parameters; tests/unit/locales.test.ts keeps the two the same.
 */
import type { ExportProblem, ImportProblem } from './formats/problems';

export const PROBLEM_ENGLISH = {
  problemVaultLocked: 'The vault is locked. Unlock it with your passphrase first.',
  problemNoVault: 'There is no vault yet. Create one first.',
  problemVaultExists: 'A vault already exists. Unlock it, or delete it on the options page first.',
  problemWrongPassphrase: 'That passphrase does not unlock this vault. Check it and try again.',
  problemVaultDamaged:
    'The stored vault is damaged (its integrity check failed). Nothing was changed; restore it from a backup.',
  problemVaultNewer: 'This vault was written by a newer version (format $1). Update the extension.',
  problemVaultKdfOutOfRange:
    'The stored vault asks for a key-derivation cost outside $1–$2 iterations, so it was not opened (it was damaged or edited). Nothing was changed; restore it from a backup.',
  problemIterationsOutOfRange:
    'The key-derivation cost must be a whole number of iterations from $1 to $2. Nothing was changed.',
  problemPassphraseTooShort: 'The passphrase needs at least $1 characters (it has $2).',
  problemPassphrasesDiffer: 'The two passphrases do not match. Type the same passphrase twice.',
  problemCurrentPassphraseWrong: 'The current passphrase is wrong. Nothing was changed.',
  problemTypeDeleteToConfirm: 'Type $1 to confirm deleting the vault.',
  problemNameEmpty: 'Account name is empty: enter the sign-in name, e.g. qa.user@contoso.onmicrosoft.com.',
  problemNameTooLong: 'Account name has $1 characters; at most $2.',
  problemDuplicateName: 'An account named $1 is already in the vault; choose another name.',
  problemAccountGone: 'That account is no longer in the vault.',
  problemSecretEmpty: 'Secret key is empty: paste the key shown under "Can\'t scan image?".',
  problemSecretBadCharacter: 'Secret key has a character that is not Base32 (A–Z, 2–7): $1.',
  problemSecretBadCharacters: 'Secret key has characters that are not Base32 (A–Z, 2–7): $1.',
  problemSecretTooLong: 'Secret key has $1 characters; Microsoft accepts at most $2.',
  problemSecretTooShort: 'Secret key has $1 characters; it needs at least $2 (check that you copied all of it).',
  problemDigits: 'Digits must be 6 or 8, not $1.',
  problemPeriod: 'Period must be 30 or 60 seconds, not $1.',
  problemAlgorithm: 'Algorithm must be SHA1, SHA256 or SHA512, not $1.',
  problemSelectAccountsToDelete: 'Select the accounts to delete first.',
  problemConfirmDeleteAccounts: 'Confirm that the selected accounts are to be deleted.',
  problemAccountsGone: 'None of those accounts is in the vault any more.',
  problemMalformedRequest: 'The request was malformed. Reload the page and try again.',
  problemRefused: 'Refused: this sender may not ask that.',
  problemNotSigninTab:
    'That tab is not showing a Microsoft sign-in page any more. Open the sign-in page again and retry.',
  problemScreenReportFailed: 'The sign-in page gave no screen report. Reload the page and try again.',
  problemNoAnswer: "The extension's background did not answer ($1). Try again.",
  problemImageUnreadable: 'The image could not be read ($1). Use a PNG or JPEG file.',
} as const;

export type ProblemKey = keyof typeof PROBLEM_ENGLISH;
/** Numbers stay numbers, so each page writes them as its language does (100,000 / 100.000). */
export type ProblemParam = string | number;

/** A problem worded by one locale message: `code` is the message's key, `params` its substitutions. */
export interface MessageProblem {
  code: ProblemKey;
  params: ProblemParam[];
}

/** What is wrong with a link, as a code; `param` when one of its parameters fails the Add form's check. */
export type OtpauthLinkIssue =
  | { code: 'not-url' | 'hotp' | 'not-totp' | 'label' | 'no-secret' }
  | { code: 'param'; param: 'secret' | 'digits' | 'period' | 'algorithm'; raw: string | null };

/** A malformed otpauth:// link pasted as a secret. */
export interface LinkProblem {
  code: 'otpauth-link';
  issue: OtpauthLinkIssue;
}

/** Everything a page may be shown as having gone wrong; each kind has codes of its own. */
export type Problem = MessageProblem | ImportProblem | ExportProblem | LinkProblem;

/** A failed result or reply. `field` names the form field it is about, when there is one. */
export interface Failure {
  ok: false;
  /** English (or, for import and export problems, the code), for logs and the QA helper. */
  error: string;
  problem: Problem;
  field?: string;
}

/** A value, or why there is none. */
export type Result<T> = { ok: true; value: T } | Failure;

export function isMessageProblem(problem: Problem): problem is MessageProblem {
  return Object.hasOwn(PROBLEM_ENGLISH, problem.code);
}

/** `text` with $1, $2… replaced by the parameters, each written by `format`. */
export function fillParams(text: string, params: readonly ProblemParam[], format: (n: number) => string): string {
  return params.reduce<string>(
    (filled, param, i) => filled.replaceAll(`$${i + 1}`, typeof param === 'number' ? format(param) : param),
    text,
  );
}

export function englishText(problem: MessageProblem): string {
  return fillParams(PROBLEM_ENGLISH[problem.code], problem.params, (n) => n.toLocaleString('en'));
}

export function fail(code: ProblemKey, ...params: ProblemParam[]): Failure & { problem: MessageProblem } {
  const problem = { code, params };
  return { ok: false, error: englishText(problem), problem };
}

/** Whether a reply failed because of `code` (instead of matching words of its message). */
export function failedWith(reply: { ok: boolean; problem?: Problem }, code: Problem['code']): boolean {
  return !reply.ok && reply.problem?.code === code;
}
