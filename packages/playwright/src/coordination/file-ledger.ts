/**
 * The ledger on one machine (ledger.ts): files in a private folder (private-dir.ts), shared by
 * every helper of this user, every worker and every suite. Each record is a file created with
 * O_EXCL, so exactly one claimant wins, also on a shared volume that honours it:
 *   <key>-<counter>     a code handed out, holding who claimed it (kept 10 minutes: the longest
 *                       TOTP period is 60 s);
 *   hold-<key>          an account held by a test: "holder|since", its mtime the last heartbeat;
 *   signin-<key>-<n>    sign-in slot n of an account, taken at its mtime, free a minute later.
 * Default folder: <temp dir>/mfa-autofill-ledger-<uid>; `ledgerDir` (or $MFA_AUTOFILL_LEDGER) moves it.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accountKey,
  holdRecord,
  type Ledger,
  LedgerUnavailableError,
  parseHoldRecord,
  SIGN_IN_SLOT_MS,
} from './ledger.js';
import { ensurePrivateDir } from './private-dir.js';

export const LEDGER_DIR_VARIABLE = 'MFA_AUTOFILL_LEDGER';

/** Code records older than this are of periods long gone. */
const KEEP_MS = 10 * 60_000;

const MAX_HOLDER_CHARS = 200;

export function defaultLedgerDir(env: NodeJS.ProcessEnv = process.env): string {
  // Per user: one user's folder is never another's to find (or to make first).
  return env[LEDGER_DIR_VARIABLE] || join(tmpdir(), `mfa-autofill-ledger-${process.getuid?.() ?? 'user'}`);
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

export class CodeLedger implements Ledger {
  constructor(readonly dir: string = defaultLedgerDir()) {
    ensurePrivateDir(dir);
  }

  get where(): string {
    return this.dir;
  }

  private unavailable(error: unknown): LedgerUnavailableError {
    return new LedgerUnavailableError(`the code ledger in ${this.dir} failed: ${(error as Error).message}`);
  }

  /** Creates `name` holding `content` unless it exists: true when this call made it. */
  private create(name: string, content = ''): boolean {
    let fd: number;
    try {
      fd = openSync(join(this.dir, name), 'wx', 0o600);
    } catch (error) {
      if (code(error) === 'EEXIST') return false;
      throw this.unavailable(error);
    }
    try {
      if (content) writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return true;
  }

  private read(name: string): string | null {
    try {
      return readFileSync(join(this.dir, name), 'utf8');
    } catch (error) {
      if (code(error) === 'ENOENT') return null;
      throw this.unavailable(error);
    }
  }

  private ageMs(name: string, now: number): number | null {
    try {
      return now - statSync(join(this.dir, name)).mtimeMs;
    } catch (error) {
      if (code(error) === 'ENOENT') return null;
      throw this.unavailable(error);
    }
  }

  /**
   * Removes `name` if it is older than `maxAgeMs`. Two helpers may reap at once: the file is first
   * renamed aside (one rename wins) and checked again there; a fresh one caught by mistake (made
   * between the check and the rename) is linked back unless its name was taken meanwhile.
   */
  private reapIfOlder(name: string, maxAgeMs: number, now: number): void {
    const age = this.ageMs(name, now);
    if (age === null || age <= maxAgeMs) return;
    const path = join(this.dir, name);
    const aside = `${path}.reaped-${randomBytes(6).toString('hex')}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if (code(error) === 'ENOENT') return;
      throw this.unavailable(error);
    }
    try {
      if (now - statSync(aside).mtimeMs <= maxAgeMs) linkSync(aside, path);
    } catch (error) {
      if (code(error) !== 'EEXIST') throw this.unavailable(error);
    } finally {
      rmSync(aside, { force: true });
    }
  }

  async claim(account: string, counter: number, holder = ''): Promise<boolean> {
    return this.create(`${accountKey(account)}-${counter}`, holder.slice(0, MAX_HOLDER_CHARS));
  }

  /** Only the claimant can undo it: a record is made once (O_EXCL) and pruned only after KEEP_MS. */
  async releaseClaim(account: string, counter: number): Promise<void> {
    try {
      unlinkSync(join(this.dir, `${accountKey(account)}-${counter}`));
    } catch (error) {
      if (code(error) !== 'ENOENT') throw this.unavailable(error);
    }
  }

  async holderOf(account: string, counter: number): Promise<string | null> {
    try {
      return this.read(`${accountKey(account)}-${counter}`)?.slice(0, MAX_HOLDER_CHARS) || null;
    } catch {
      // Only a message for those who wait: a file that cannot be read names no one.
      return null;
    }
  }

  async hold(account: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const name = `hold-${accountKey(account)}`;
    if (this.create(name, holdRecord(holder, now))) return true;
    this.reapIfOlder(name, ttlMs, now);
    return this.create(name, holdRecord(holder, now));
  }

  async renewHold(account: string, holder: string, _ttlMs: number): Promise<boolean> {
    const name = `hold-${accountKey(account)}`;
    const record = this.read(name);
    if (record === null || parseHoldRecord(record)?.holder !== holder) return false;
    try {
      const now = new Date();
      utimesSync(join(this.dir, name), now, now);
      return true;
    } catch (error) {
      if (code(error) === 'ENOENT') return false;
      throw this.unavailable(error);
    }
  }

  async releaseHold(account: string, holder: string): Promise<void> {
    const name = `hold-${accountKey(account)}`;
    const record = this.read(name);
    if (record === null || parseHoldRecord(record)?.holder !== holder) return;
    try {
      unlinkSync(join(this.dir, name));
    } catch (error) {
      if (code(error) !== 'ENOENT') throw this.unavailable(error);
    }
  }

  async heldSince(account: string): Promise<number | null> {
    const record = this.read(`hold-${accountKey(account)}`);
    return record === null ? null : (parseHoldRecord(record)?.since ?? null);
  }

  async takeSignInSlot(account: string, perMinute: number, now = Date.now()): Promise<boolean> {
    const key = accountKey(account);
    for (let slot = 0; slot < perMinute; slot++) {
      const name = `signin-${key}-${slot}`;
      if (this.create(name)) return true;
      this.reapIfOlder(name, SIGN_IN_SLOT_MS, now);
      if (this.create(name)) return true;
    }
    return false;
  }

  /** Deletes code records of periods long past. */
  prune(now = Date.now()): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('hold-') || name.startsWith('signin-')) continue;
      const path = join(this.dir, name);
      try {
        if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
      } catch {
        // Another helper pruned it first.
      }
    }
  }

  async close(): Promise<void> {}
}
