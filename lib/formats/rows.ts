import { type AccountField, type AccountInput, type SubmitOverride, validateAccountInput } from '../accounts';
import { looksLikeOtpauthLink } from '../otpauth-link';
import { issuesOf } from './field-issues';
import type { ImportNotice, RowIssue } from './problems';
import type { IncomingAccount, InvalidRow, ParsedRows, RowLocation, RowProblem } from './types';

/** A format's own names for our fields (the CSV's "upn", "time interval"), so messages can point at the column. */
export type ColumnNames = Readonly<Partial<Record<AccountField, string>>>;

export interface RowOptions {
  /** The entry's name, for formats where the location alone does not identify it. */
  label?: string;
  pinned?: boolean;
  submitAfterFill?: SubmitOverride;
  codeInsteadOfPush?: SubmitOverride;
  /**
   * Only for link-per-line text: elsewhere a secret column holding an otpauth:// link would
   * be read as a whole link by `validateAccountInput` and silently override the row's other columns.
   */
  allowLink?: boolean;
  /** Problems the format itself found, reported together with the Add form's. */
  extraProblems?: RowProblem[];
}

/** Gathers a file's rows; every row goes through `validateAccountInput`, the Add form's own rules. */
export class RowCollector {
  private readonly valid: IncomingAccount[] = [];
  private readonly invalid: InvalidRow[] = [];

  constructor(private readonly columns: ColumnNames = {}) {}

  add(input: AccountInput, where: RowLocation, opts: RowOptions = {}): void {
    const extra = opts.extraProblems ?? [];
    if (!opts.allowLink && looksLikeOtpauthLink(input.secret ?? '')) {
      this.fail(where, [this.problem('secret', { code: 'secret-is-link' }), ...extra], opts.label);
      return;
    }
    const checked = validateAccountInput(input);
    if (!checked.ok) {
      // One problem a field: the extra problem says the same thing better (an empty interval).
      const said = new Set(extra.map((p) => p.field));
      const errors = checked.errors.filter((e) => !said.has(e.field));
      const problems = issuesOf(input, errors).map(({ field, issue }) => this.problem(field, issue));
      this.fail(where, [...problems, ...extra], opts.label);
      return;
    }
    if (extra.length > 0) {
      this.fail(where, extra, opts.label);
      return;
    }
    const account: IncomingAccount = { ...checked.value, where };
    if (opts.pinned) account.pinned = true;
    if (opts.submitAfterFill && opts.submitAfterFill !== 'default') account.submitAfterFill = opts.submitAfterFill;
    if (opts.codeInsteadOfPush && opts.codeInsteadOfPush !== 'default')
      account.codeInsteadOfPush = opts.codeInsteadOfPush;
    this.valid.push(account);
  }

  fail(where: RowLocation, problems: RowProblem[], label?: string): void {
    const row: InvalidRow = { where, problems };
    if (label) row.label = label;
    this.invalid.push(row);
  }

  /** A problem with one field, naming the file's column for it when the format has one. */
  problem(field: AccountField | null, issue: RowIssue): RowProblem {
    const column = field ? this.columns[field] : undefined;
    return column ? { field, column, issue } : { field, issue };
  }

  result(notices: ImportNotice[] = []): ParsedRows {
    return { ok: true, valid: this.valid, invalid: this.invalid, notices };
  }
}
