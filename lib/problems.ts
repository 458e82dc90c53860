/**
 * The one vocabulary of failure (docs/ARCHITECTURE.md, 'Problems and words'). Whatever goes wrong
 * that a person is shown is a `Problem`: a code with parameters, never a sentence. Only the page
 * that shows one words it, in its language, through _locales (`problemText` in
 * components/failure-text.ts). Problems are told apart by `code` alone:
 * - a vault, account or request problem is one locale message: its code is the message's key
 *   and its parameters the substitutions (`MessageProblem`, the English below);
 * - a field of an account (`FieldProblem`): one set of codes for the Add form and a file's rows;
 * - an import or export problem carries structured parameters (`ImportProblem`, `ExportProblem`);
 * - a malformed otpauth:// link carries its issue (lib/otpauth-link.ts).
 * A failed result or reply is a `Failure`: the problem, and in `error` the same in English (for
 * a structured problem, its code) for logs and the QA helper (packages/playwright), which run
 * outside the browser's i18n.
 *
 * The English here is the English of public/_locales/en/messages.json, $1, $2… for the
 * parameters; tests/unit/locales.test.ts keeps the two the same.
 */
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
  problemDuplicateName: 'An account named $1 is already in the vault; choose another name.',
  problemAccountGone: 'That account is no longer in the vault.',
  problemSelectAccountsToDelete: 'Select the accounts to delete first.',
  problemConfirmDeleteAccounts: 'Confirm that the selected accounts are to be deleted.',
  problemAccountsGone: 'None of those accounts is in the vault any more.',
  problemMalformedRequest: 'The request was malformed. Reload the page and try again.',
  problemRefused: 'Refused: this sender may not ask that.',
  problemNotSigninTab:
    'That tab is not showing a Microsoft sign-in page any more. Open the sign-in page again and retry.',
  problemScreenReportFailed: 'The sign-in page gave no screen report. Reload the page and try again.',
  problemNoAnswer: "The extension's background did not answer. Try again.",
  problemImageUnreadable: 'The image could not be read. Use a PNG or JPEG file.',
} as const;

export type ProblemKey = keyof typeof PROBLEM_ENGLISH;
/** Numbers stay numbers, so each page writes them as its language does (100,000 / 100.000). */
export type ProblemParam = string | number;

/** A problem worded by one locale message: `code` is the message's key, `params` its substitutions. */
export interface MessageProblem {
  code: ProblemKey;
  params: ProblemParam[];
}

/**
 * What is wrong with one field of an account, whether a person typed it into the Add form or a
 * file's row holds it: one set of codes for both. Text is repeated only where it is the person's
 * own entry; what a file holds is never repeated beyond a short number (docs/ARCHITECTURE.md,
 * 'Import and export formats').
 */
export type FieldProblem =
  | { code: 'name-empty' }
  | { code: 'name-too-long'; length: number; max: number }
  | { code: 'secret-empty' }
  /** `characters`, quoted, only from the Add form; a file's are counted, never shown. */
  | { code: 'secret-not-base32'; count: number; characters?: string }
  | { code: 'secret-too-long'; length: number; max: number }
  | { code: 'secret-too-short'; length: number; min: number }
  /** `value` as entered in the Add form; from a file only when it is a short number. */
  | { code: 'digits'; value?: string | number }
  | { code: 'period'; value?: string | number }
  | { code: 'period-empty' }
  | { code: 'algorithm'; value?: string };

const FIELD_PROBLEM_CODES: Readonly<Record<FieldProblem['code'], true>> = {
  'name-empty': true,
  'name-too-long': true,
  'secret-empty': true,
  'secret-not-base32': true,
  'secret-too-long': true,
  'secret-too-short': true,
  digits: true,
  period: true,
  'period-empty': true,
  algorithm: true,
};

export function isFieldProblem(problem: { code: string }): problem is FieldProblem {
  return Object.hasOwn(FIELD_PROBLEM_CODES, problem.code);
}

/** What is wrong with an otpauth:// link as a whole, the same codes for the Add form and a file. */
export type LinkIssueCode = 'not-url' | 'hotp' | 'not-totp' | 'label' | 'no-secret';

/**
 * What is wrong with a link, as a code; `param` when one of its parameters fails the Add form's
 * check, with that check's problem and the parameter as the link has it.
 */
export type OtpauthLinkIssue =
  | { code: LinkIssueCode }
  | { code: 'param'; param: 'secret' | 'digits' | 'period' | 'algorithm'; raw: string | null; problem: FieldProblem };

/** A malformed otpauth:// link pasted as a secret. */
export interface LinkProblem {
  code: 'otpauth-link';
  issue: OtpauthLinkIssue;
}

/** A problem with the whole file: nothing in it can be imported. */
export type ImportProblem =
  | { code: 'too-large'; megabytes: string; limit: number }
  | { code: 'empty' }
  | { code: 'not-text' }
  | { code: 'utf16' }
  | { code: 'image' }
  | { code: 'unknown-format' }
  | { code: 'json'; line: number; column: number; problem: 'unexpected-character' | 'unexpected-end' }
  | { code: 'json-unlocated' }
  | { code: 'csv-no-header' }
  /** `column` is one of ours ("upn", …) or absent when the file repeats a column of its own. */
  | { code: 'csv-duplicate-column'; column?: string }
  | { code: 'csv-missing-columns'; columns: string[] }
  | { code: 'no-accounts' }
  | { code: 'not-aegis' }
  | { code: 'aegis-encrypted' }
  | { code: 'aegis-no-entries' }
  | { code: 'not-authenticator' }
  | { code: 'authenticator-encrypted' }
  | { code: 'backup-damaged' }
  | { code: 'backup-newer'; version: number }
  | { code: 'backup-wrong-passphrase' }
  | { code: 'backup-changed' }
  | { code: 'image-empty' }
  | { code: 'image-damaged' }
  | { code: 'image-too-large'; width: number; height: number }
  | { code: 'image-not-png-or-jpeg' }
  | { code: 'no-qr-code' }
  | { code: 'qr-not-authenticator' }
  /** The message carried nothing to import, or bytes that do not decode. */
  | { code: 'nothing-to-import' }
  | { code: 'unreadable' }
  /** "import:apply" of a file with bad rows, without "import only the valid ones". */
  | { code: 'rows-have-errors'; failed: number; valid: number };

export type ImportProblemCode = ImportProblem['code'];

/** A problem of the export forms. */
export type ExportProblem =
  | { code: 'backup-passphrase-empty' }
  | { code: 'backup-passphrase-short'; length: number; min: number }
  | { code: 'backup-passphrase-mismatch' }
  | { code: 'plain-not-acknowledged' }
  | { code: 'plain-unknown-kind' }
  /** The options page's account table sent an empty selection. */
  | { code: 'nothing-selected' };

/** Every export problem's code, so a problem is told apart by its code alone. */
const EXPORT_PROBLEM_CODES: Readonly<Record<ExportProblem['code'], true>> = {
  'backup-passphrase-empty': true,
  'backup-passphrase-short': true,
  'backup-passphrase-mismatch': true,
  'plain-not-acknowledged': true,
  'plain-unknown-kind': true,
  'nothing-selected': true,
};

export function isExportProblem(problem: { code: string }): problem is ExportProblem {
  return Object.hasOwn(EXPORT_PROBLEM_CODES, problem.code);
}

/** Everything a page may be shown as having gone wrong; each kind has codes of its own. */
export type Problem = MessageProblem | FieldProblem | ImportProblem | ExportProblem | LinkProblem;

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

/** A field's value, or what is wrong with it. */
export type FieldResult<T> = { ok: true; value: T } | (Failure & { problem: FieldProblem });

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

/**
 * A failure whose cause is an error the browser threw: its English goes to `error`, for logs, and
 * never into the problem a page words.
 */
export function failBecause(code: ProblemKey, cause: unknown): Failure & { problem: MessageProblem } {
  const failed = fail(code);
  return { ...failed, error: `${failed.error} (${cause instanceof Error ? cause.message : String(cause)})` };
}

/** A structured problem as a failure; its code stands in for English in `error`. */
export function failWith<P extends Exclude<Problem, MessageProblem>>(problem: P): Failure & { problem: P } {
  return { ok: false, error: problem.code, problem };
}

/** Whether a reply failed because of `code` (instead of matching words of its message). */
export function failedWith(reply: { ok: boolean; problem?: Problem }, code: Problem['code']): boolean {
  return !reply.ok && reply.problem?.code === code;
}
