import { type AccountField, type AccountInput, type SubmitOverride, validateAccountInput } from '../accounts';
import { looksLikeOtpauthLink } from '../otpauth-link';
import type { IncomingAccount, InvalidRow, ParsedRows, RowLocation, RowProblem } from './types';

/** A format's own names for our fields (the CSV's "upn", "time interval"), so messages can point at the column. */
export type ColumnNames = Readonly<Partial<Record<AccountField, string>>>;

export interface RowOptions {
  /** The entry's name, for formats where the location alone does not identify it. */
  label?: string;
  pinned?: boolean;
  submitAfterFill?: SubmitOverride;
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
    const problems = [...(opts.extraProblems ?? [])];
    if (!opts.allowLink && looksLikeOtpauthLink(input.secret ?? '')) {
      problems.unshift(this.problem('secret', 'Secret key must be a Base32 key, not an otpauth:// link.'));
      this.fail(where, problems, opts.label);
      return;
    }
    const checked = validateAccountInput(input);
    if (!checked.ok) problems.unshift(...checked.errors.map((e) => this.problem(e.field, e.message)));
    if (!checked.ok || problems.length > 0) {
      this.fail(where, problems, opts.label);
      return;
    }
    const account: IncomingAccount = { ...checked.value, where };
    if (opts.pinned) account.pinned = true;
    if (opts.submitAfterFill && opts.submitAfterFill !== 'default') account.submitAfterFill = opts.submitAfterFill;
    this.valid.push(account);
  }

  fail(where: RowLocation, problems: RowProblem[], label?: string): void {
    const row: InvalidRow = { where, problems };
    if (label) row.label = label;
    this.invalid.push(row);
  }

  /** A problem with one field, naming the file's column for it when the format has one. */
  problem(field: AccountField | null, message: string): RowProblem {
    const column = field ? this.columns[field] : undefined;
    return column ? { field, column, message } : { field, message };
  }

  result(notices: string[] = []): ParsedRows {
    return { ok: true, valid: this.valid, invalid: this.invalid, notices };
  }
}
