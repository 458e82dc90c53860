/**
 * The machine-wide record of which TOTP codes have been handed out, shared by every helper
 * (every worker, every suite) on the machine: one empty file per (account, period counter),
 * created with O_EXCL so exactly one claimant wins, also on a shared volume that honours it.
 * Default directory: <temp dir>/mfa-autofill-ledger; `ledgerDir` (or $MFA_AUTOFILL_LEDGER) moves it.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LEDGER_DIR_VARIABLE = 'MFA_AUTOFILL_LEDGER';

/** Entries older than this are of periods long gone (the longest TOTP period is 60 s). */
const KEEP_MS = 10 * 60_000;

const MAX_HOLDER_CHARS = 200;

export function defaultLedgerDir(env: NodeJS.ProcessEnv = process.env): string {
  return env[LEDGER_DIR_VARIABLE] || join(tmpdir(), 'mfa-autofill-ledger');
}

export class CodeLedger {
  constructor(readonly dir: string = defaultLedgerDir()) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /**
   * True for the first claim of this account's code for `counter` on this ledger; false after.
   * `holder` names the claimant to those who then wait ("worker 1: \"signs in\""): no secret.
   */
  claim(account: string, counter: number, holder = ''): boolean {
    try {
      const fd = openSync(this.entry(account, counter), 'wx', 0o600);
      try {
        writeSync(fd, holder.slice(0, MAX_HOLDER_CHARS));
      } finally {
        closeSync(fd);
      }
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  /** Who claimed this account's code for `counter`, as it named itself; null when not said. */
  holderOf(account: string, counter: number): string | null {
    try {
      return readFileSync(this.entry(account, counter), 'utf8').slice(0, MAX_HOLDER_CHARS) || null;
    } catch {
      return null;
    }
  }

  private entry(account: string, counter: number): string {
    // Names are hashed: file names stay short and of one alphabet whatever the account's name.
    const key = createHash('sha256').update(account.trim().toLowerCase()).digest('hex').slice(0, 32);
    return join(this.dir, `${key}-${counter}`);
  }

  /** Deletes entries of periods long past. */
  prune(now = Date.now()): void {
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      try {
        if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
      } catch {
        // Another helper pruned it first.
      }
    }
  }
}
