/**
 * A folder only this user can use, for the file ledger. A folder in a shared temp directory may
 * have been made by someone else first, open to all, with claims planted for periods to come
 * (the sign-ins would then stall until their tests time out): it is created with mode 0700, or,
 * when it exists, checked (lstat, so a symbolic link is not followed) and refused unless it is
 * a real directory of this user's, closed to group and others (docs/SECURITY.md).
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export class UnsafeLedgerDirError extends Error {
  override name = 'UnsafeLedgerDirError';
}

function refuse(dir: string, problem: string, fix: string): never {
  throw new UnsafeLedgerDirError(
    `MFA Autofill: the code ledger folder ${dir} ${problem}, so another user could plant or delete ` +
      `claims in it. ${fix}, or set MFA_AUTOFILL_LEDGER (ledgerDir) to a folder of your own.`,
  );
}

/** Creates `dir` (mode 0700) or checks the one there; throws UnsafeLedgerDirError saying what to do. */
export function ensurePrivateDir(dir: string, uid: number | undefined = process.getuid?.()): void {
  mkdirSync(dirname(dir), { recursive: true });
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(dir);
  if (stat.isSymbolicLink()) refuse(dir, 'is a symbolic link', `Remove the link (rm ${dir})`);
  if (!stat.isDirectory()) refuse(dir, 'is not a folder', `Remove it (rm ${dir})`);
  // Windows has no owners or modes to check here.
  if (uid === undefined) return;
  if (stat.uid !== uid) {
    refuse(dir, `belongs to another user (uid ${stat.uid}, you are ${uid})`, `Have it removed (rm -r ${dir})`);
  }
  const mode = stat.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    refuse(
      dir,
      `is open to other users (mode ${mode.toString(8).padStart(4, '0')})`,
      `Remove it (rm -r ${dir}) or close it (chmod 700 ${dir})`,
    );
  }
}
