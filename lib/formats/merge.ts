import { type Account, MAX_NAME_LENGTH, newAccount } from '../accounts';
import type { ImportProblem } from './problems';
import type { ImportParse, IncomingAccount } from './types';

/**
 * What becomes of each valid row, decided in file order:
 * - same name (case-insensitive) and same secret as a vault account or an earlier row: a duplicate, skipped;
 * - same name, another secret: a conflict the user resolves (with the vault account, or with
 *   the earlier row of the file that will have added that name);
 * - otherwise: added.
 */
export type RowFate =
  | { kind: 'add' }
  | { kind: 'duplicate'; of: 'vault' | 'file' }
  | { kind: 'conflict'; with: 'vault' | 'file'; existingName: string };

/** keep: leave the account as it is (skip the row); replace: its secret and code settings, same id and usage; rename: add as "name (2)". */
export type ConflictChoice = 'keep' | 'replace' | 'rename';

/** By the row's index in `ImportParse.valid`; a conflict without a choice is kept. Plain data, to travel in a message. */
export type ConflictChoices = Readonly<Record<number, ConflictChoice>>;

export interface ImportSummary {
  /** New accounts, renamed copies included. */
  added: number;
  /** Vault accounts (or accounts added earlier in the same import) given a row's secret. */
  replaced: number;
  /** Duplicates and conflicts kept as they were. */
  skipped: number;
  /** Rows with errors, not imported. */
  failed: number;
}

export interface MergeOptions {
  choices?: ConflictChoices;
  /** The user chose "Import the N valid accounts" after seeing the bad rows. */
  importValidOnly?: boolean;
  newId: () => string;
  now: number;
}

export type MergeResult =
  | { ok: true; accounts: Account[]; summary: ImportSummary }
  | { ok: false; problem: Extract<ImportProblem, { code: 'rows-have-errors' }> };

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

function pairKey(name: string, secret: string): string {
  return `${nameKey(name)}\n${secret}`;
}

/**
 * The fate of every valid row, index for index. Linear in vault + rows (maps, no nested
 * scans), so 1,000 rows against 1,000 accounts take milliseconds. Secrets are compared in
 * their normalised form, which validation has already produced on both sides.
 */
export function classifyRows(existing: readonly Account[], rows: readonly IncomingAccount[]): RowFate[] {
  const vaultByName = new Map<string, Account>();
  const vaultPairs = new Set<string>();
  for (const account of existing) {
    if (!vaultByName.has(nameKey(account.name))) vaultByName.set(nameKey(account.name), account);
    vaultPairs.add(pairKey(account.name, account.secret));
  }
  const fileByName = new Map<string, string>();
  const filePairs = new Set<string>();
  return rows.map((row): RowFate => {
    const key = nameKey(row.name);
    const pair = pairKey(row.name, row.secret);
    if (vaultPairs.has(pair)) return { kind: 'duplicate', of: 'vault' };
    if (filePairs.has(pair)) return { kind: 'duplicate', of: 'file' };
    filePairs.add(pair);
    const inVault = vaultByName.get(key);
    if (inVault) return { kind: 'conflict', with: 'vault', existingName: inVault.name };
    const earlierName = fileByName.get(key);
    if (earlierName !== undefined) return { kind: 'conflict', with: 'file', existingName: earlierName };
    fileByName.set(key, row.name);
    return { kind: 'add' };
  });
}

/** "name (2)", "name (3)", … the first not taken, cut so it stays within the Add form's length limit. */
export function renamedCopyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.trim().slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

function toAccount(row: IncomingAccount, name: string, id: string, now: number): Account {
  const { where: _where, pinned, submitAfterFill, codeInsteadOfPush, ...valid } = row;
  const account = newAccount({ ...valid, name }, id, now);
  if (pinned) account.pinned = true;
  if (submitAfterFill) account.submitAfterFill = submitAfterFill;
  if (codeInsteadOfPush) account.codeInsteadOfPush = codeInsteadOfPush;
  return account;
}

/** The row's code replaces the account's; its id, name, pin, usage and settings stay. */
function withRowCode(account: Account, row: IncomingAccount): Account {
  return {
    ...account,
    secret: row.secret,
    digits: row.digits,
    period: row.period,
    algorithm: row.algorithm,
    issuer: row.issuer || account.issuer,
    notes: row.notes || account.notes,
  };
}

/**
 * The vault's new account list after an import, for the background to write in one go.
 * Pure: the vault as it is at write time, the parse's rows and the user's conflict choices
 * in; accounts and summary out. Refuses a file with bad rows unless the user chose to
 * import only the valid ones.
 */
export function mergeImport(
  existing: readonly Account[],
  parse: Pick<ImportParse, 'valid' | 'invalid'>,
  { choices = {}, importValidOnly = false, newId, now }: MergeOptions,
): MergeResult {
  const failed = parse.invalid.length;
  if (failed > 0 && !importValidOnly) {
    return { ok: false, problem: { code: 'rows-have-errors', failed, valid: parse.valid.length } };
  }
  const summary: ImportSummary = { added: 0, replaced: 0, skipped: 0, failed };
  const accounts = [...existing];
  const positionByName = new Map<string, number>();
  for (const [position, account] of accounts.entries()) {
    if (!positionByName.has(nameKey(account.name))) positionByName.set(nameKey(account.name), position);
  }
  // A renamed copy must not take a name that the vault or a later row of the file uses.
  const taken = new Set([...existing, ...parse.valid].map((a) => nameKey(a.name)));

  for (const [index, fate] of classifyRows(existing, parse.valid).entries()) {
    const row = parse.valid[index] as IncomingAccount;
    if (fate.kind === 'add') {
      positionByName.set(nameKey(row.name), accounts.length);
      accounts.push(toAccount(row, row.name, newId(), now));
      summary.added++;
      continue;
    }
    const choice = fate.kind === 'conflict' ? (choices[index] ?? 'keep') : 'keep';
    if (choice === 'keep') {
      summary.skipped++;
    } else if (choice === 'rename') {
      const name = renamedCopyName(row.name, taken);
      taken.add(nameKey(name));
      accounts.push(toAccount(row, name, newId(), now));
      summary.added++;
    } else {
      // classifyRows only reports a conflict for a name the vault or an added row holds.
      const position = positionByName.get(nameKey(row.name)) as number;
      accounts[position] = withRowCode(accounts[position] as Account, row);
      summary.replaced++;
    }
  }
  return { ok: true, accounts, summary };
}
