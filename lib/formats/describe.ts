import type { OtpauthLinkIssue } from '../otpauth-link';
import type { FieldProblem } from '../problems';
import { ENTRA_CSV_HEADER } from './entra-csv-columns';
import { linkIssue } from './field-issues';
import type { ImportSummary } from './merge';
import type { ExportProblem, ImportNotice, ImportProblem, LeftOut, RowIssue, UnsupportedKind } from './problems';
import type { ImportFormat, InvalidRow, RowLocation, RowProblem } from './types';
import { list, plural, type Words } from './words';

/**
 * Import and export problems in words, for the page that shows them (and for the QA helper's
 * errors, in English). Each code has its own message key: nothing here reads a sentence back.
 */
export function describeImportProblem(problem: ImportProblem, words: Words): string {
  const { t } = words;
  switch (problem.code) {
    case 'too-large':
      return t('impTooLarge', [problem.megabytes, problem.limit]);
    case 'empty':
      return t('impEmpty');
    case 'not-text':
      return t('impNotText');
    case 'utf16':
      return t('impUtf16');
    case 'image':
      return t('impImage');
    case 'unknown-format':
      return t('impUnknownFormat');
    case 'json':
      return problem.problem === 'unexpected-end'
        ? t('impJsonEnd', [problem.line, problem.column])
        : t('impJsonCharacter', [problem.line, problem.column]);
    case 'json-unlocated':
      return t('impJsonUnlocated');
    case 'csv-no-header':
      return t('impCsvNoHeader', [ENTRA_CSV_HEADER]);
    case 'csv-duplicate-column':
      return problem.column ? t('impCsvDuplicateColumn', [problem.column]) : t('impCsvDuplicateUnnamed');
    case 'csv-missing-columns':
      return plural(words, 'impCsvMissingColumns', problem.columns.length, [
        problem.columns.map((c) => `"${c}"`).join(', '),
        ENTRA_CSV_HEADER,
      ]);
    case 'no-accounts':
      return t('impNoAccounts');
    case 'not-aegis':
      return t('impNotAegis');
    case 'aegis-encrypted':
      return t('impAegisEncrypted');
    case 'aegis-no-entries':
      return t('impAegisNoEntries');
    case 'not-authenticator':
      return t('impNotAuthenticator');
    case 'authenticator-encrypted':
      return t('impAuthenticatorEncrypted');
    case 'backup-damaged':
      return t('impBackupDamaged');
    case 'backup-newer':
      return t('impBackupNewer', [problem.version]);
    case 'backup-wrong-passphrase':
      return t('impBackupWrongPassphrase');
    case 'backup-changed':
      return t('impBackupChanged');
    case 'image-empty':
      return t('impImageEmpty');
    case 'image-damaged':
      return t('impImageDamaged');
    case 'image-too-large':
      return t('impImageTooLarge', [problem.width, problem.height]);
    case 'image-not-png-or-jpeg':
      return t('impImageNotPngOrJpeg');
    case 'no-qr-code':
      return t('impNoQrCode');
    case 'qr-not-authenticator':
      return t('impQrNotAuthenticator');
    case 'nothing-to-import':
      return t('impNothingToImport');
    case 'unreadable':
      return t('impUnreadable');
    case 'rows-have-errors':
      return plural(words, 'impRowsHaveErrors', problem.failed);
  }
}

/**
 * A field of an account that is wrong, from the Add form or a file's row: the form's entry is
 * quoted where it has one, a file's never (lib/problems.ts, `FieldProblem`).
 */
export function describeFieldProblem(problem: FieldProblem, words: Words): string {
  const { t } = words;
  switch (problem.code) {
    case 'name-empty':
      return t('fieldNameEmpty');
    case 'name-too-long':
      return t('fieldNameTooLong', [problem.length, problem.max]);
    case 'secret-empty':
      return t('fieldSecretEmpty');
    case 'secret-not-base32':
      if (problem.characters === undefined) return plural(words, 'fieldSecretNotBase32', problem.count);
      if (problem.count === 1) return t('fieldSecretBadCharacter', [problem.characters]);
      return t('fieldSecretBadCharacters', [problem.characters]);
    case 'secret-too-long':
      return t('fieldSecretTooLong', [problem.length, problem.max]);
    case 'secret-too-short':
      return t('fieldSecretTooShort', [problem.length, problem.min]);
    case 'digits':
      return problem.value === undefined ? t('fieldDigits') : t('fieldDigitsValue', [problem.value]);
    case 'period':
      return problem.value === undefined ? t('fieldPeriod') : t('fieldPeriodValue', [problem.value]);
    case 'period-empty':
      return t('fieldPeriodEmpty');
    case 'algorithm':
      return problem.value === undefined ? t('fieldAlgorithm') : t('fieldAlgorithmValue', [problem.value]);
  }
}

const LINK_PARAMETER: Readonly<Record<FieldProblem['code'], string>> = {
  'name-empty': 'name',
  'name-too-long': 'name',
  'secret-empty': 'secret',
  'secret-not-base32': 'secret',
  'secret-too-long': 'secret',
  'secret-too-short': 'secret',
  digits: 'digits',
  period: 'period',
  'period-empty': 'period',
  algorithm: 'algorithm',
};

function describeKind(kind: UnsupportedKind, words: Words): string {
  switch (kind) {
    case 'hotp':
      return words.t('impKindHotp');
    case 'steam':
      return 'Steam';
    case 'motp':
      return 'mOTP';
    case 'yandex':
      return 'Yandex';
    case 'battle':
      return 'Battle.net';
    case 'other':
      return '';
  }
}

export function describeRowIssue(issue: RowIssue, words: Words): string {
  const { t } = words;
  switch (issue.code) {
    case 'link-field':
      return t('impLinkField', [LINK_PARAMETER[issue.issue.code], describeFieldProblem(issue.issue, words)]);
    case 'link':
      switch (issue.issue) {
        case 'not-url':
          return t('impLinkNotUrl');
        case 'hotp':
          return t('impLinkHotp');
        case 'not-totp':
          return t('impLinkNotTotp');
        case 'label':
          return t('impLinkLabel');
        case 'no-secret':
          return t('impLinkNoSecret');
      }
      break;
    case 'secret-is-link':
      return t('impSecretIsLink');
    case 'csv-quote':
      return t('impCsvQuote');
    case 'csv-width':
      return plural(words, 'impCsvWidth', issue.values, [issue.values, issue.columns]);
    case 'not-an-account':
      return t('impNotAnAccount');
    case 'unsupported-type':
      return issue.kind === 'other'
        ? t('impUnsupportedOther')
        : t('impUnsupportedType', [describeKind(issue.kind, words)]);
    case 'unknown-type':
      return t('impUnknownType', [issue.type]);
    case 'hex-not-bytes':
      return t('impHexNotBytes');
    case 'migration':
      switch (issue.issue) {
        case 'start':
          return t('impMigrationStart');
        case 'no-data':
          return t('impMigrationNoData');
        case 'not-base64':
          return t('impMigrationNotBase64');
        case 'damaged':
          return t('impMigrationDamaged');
        case 'batch':
          return t('impMigrationBatch');
        case 'no-accounts':
          return t('impMigrationNoAccounts');
      }
      break;
    case 'not-a-link':
      return t('impNotALink');
    default:
      return describeFieldProblem(issue, words);
  }
  throw new Error(`no words for ${JSON.stringify(issue)}`);
}

/**
 * A malformed otpauth:// link pasted into the Add form, in the words an import uses for the
 * same link; nothing of the link itself is quoted (it holds the secret).
 */
export function describeLinkIssue(issue: OtpauthLinkIssue, words: Words): string {
  return describeRowIssue(linkIssue(issue), words);
}

/** "Line 3", "Entry 2", "Line 2, entry 3"; empty for a QR code's single link. */
export function describeLocation(where: RowLocation, words: Words): string {
  if (where.line !== undefined && where.entry !== undefined)
    return words.t('impAtLineEntry', [where.line, where.entry]);
  if (where.line !== undefined) return words.t('impAtLine', [where.line]);
  if (where.entry !== undefined) return words.t('impAtEntry', [where.entry]);
  return '';
}

/**
 * The problem, with the file's column named when it has its own name for the field ("upn",
 * "time interval"); the secret's messages already say "Secret key".
 */
function describeRowProblem(problem: RowProblem, words: Words): string {
  const text = describeRowIssue(problem.issue, words);
  return problem.column && problem.field !== 'secret' ? `${problem.column}: ${text}` : text;
}

/** One line per problem: "Line 3: Secret key has …", "Entry 2 (alice@contoso.com): HOTP …". */
export function describeInvalidRow(row: InvalidRow, words: Words): string[] {
  const location = describeLocation(row.where, words);
  const prefix = row.label ? `${location} (${row.label})` : location;
  return row.problems.map((p) =>
    prefix ? `${prefix}: ${describeRowProblem(p, words)}` : describeRowProblem(p, words),
  );
}

/** Every problem of a parse or preview: the whole-file problem, else each bad row's problems. */
export function describeImportErrors(
  parse: { error: ImportProblem | null; invalidRows?: readonly InvalidRow[]; invalid?: readonly InvalidRow[] },
  words: Words,
): string[] {
  if (parse.error) return [describeImportProblem(parse.error, words)];
  const rows =
    parse.invalidRows ??
    [...(parse.invalid ?? [])].sort(
      (a, b) => (a.where.line ?? 0) - (b.where.line ?? 0) || (a.where.entry ?? 0) - (b.where.entry ?? 0),
    );
  return rows.flatMap((row) => describeInvalidRow(row, words));
}

export function describeNotice(notice: ImportNotice, words: Words): string {
  if (notice.code === 'backup-passphrase-needed') return words.t('impBackupPassphraseNeeded');
  return words.t('impMissingBatch', [
    notice.size,
    plural(words, 'impQrCodeNumbers', notice.have.length, [list(words, notice.have)]),
    plural(words, 'impQrCodeNumbers', notice.missing.length, [list(words, notice.missing)]),
  ]);
}

/** "Added 3 accounts, 1 replaced, 3 skipped." (skipped: already in the vault, or rows with errors) */
export function describeImportSummary(summary: ImportSummary, words: Words): string {
  const parts = [plural(words, 'impSummaryAdded', summary.added)];
  if (summary.replaced > 0) parts.push(words.t('impSummaryReplaced', [summary.replaced]));
  // Rows already in the vault and rows with errors were both left alone on purpose (the preview
  // named them): skipped, not failed.
  const skipped = summary.skipped + summary.failed;
  if (skipped > 0) parts.push(words.t('impSummarySkipped', [skipped]));
  return `${parts.join(', ')}.`;
}

export function describeFormat(format: ImportFormat, words: Words): string {
  switch (format) {
    case 'entra-csv':
      return words.t('impFormatEntraCsv');
    case 'otpauth-links':
      return words.t('impFormatOtpauthLinks');
    case 'google-migration':
      return words.t('impFormatGoogleMigration');
    case 'aegis':
      return words.t('impFormatAegis');
    case 'authenticator-extension':
      return words.t('impFormatAuthenticatorExtension');
    case 'mfa-autofill-backup':
      return words.t('impFormatBackup');
  }
}

export function describeExportProblem(problem: ExportProblem, words: Words): string {
  switch (problem.code) {
    case 'backup-passphrase-empty':
      return words.t('expBackupPassphraseEmpty');
    case 'backup-passphrase-short':
      return words.t('expBackupPassphraseShort', [problem.min, problem.length]);
    case 'backup-passphrase-mismatch':
      return words.t('expBackupPassphraseMismatch');
    case 'plain-not-acknowledged':
      return words.t('expPlainNotAcknowledged');
    case 'plain-unknown-kind':
      return words.t('expPlainUnknownKind');
    case 'nothing-selected':
      return words.t('expNothingSelected');
  }
}

export function describeLeftOut(account: LeftOut, words: Words): string {
  return words.t('expLeftOutAccount', [account.name, account.digits, account.algorithm]);
}
