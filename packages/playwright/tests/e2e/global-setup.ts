/**
 * Makes this run's world (world.ts) and hands it over the way CI would: the accounts export as
 * a file named by MFA_ACCOUNTS_FILE (what the helper reads by default), an Entra CSV in an
 * environment variable, the test password in QA_PASSWORD, and a code ledger of the run's own. Files go to a private temp dir
 * that is deleted afterwards. Workers inherit these variables.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNTS_FILE_VARIABLE, LEDGER_DIR_VARIABLE } from 'mfa-autofill-playwright';
import { CSV_ACCOUNTS_VARIABLE, DIRECTORY_VARIABLE, makeWorld, PASSWORD_VARIABLE } from './world';

export default function globalSetup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-automation-world-'));
  const password = randomBytes(12).toString('base64url');
  const world = makeWorld(password);
  const directory = join(dir, 'directory.json');
  const accounts = join(dir, 'accounts.txt');
  writeFileSync(directory, JSON.stringify(world.users), { mode: 0o600 });
  writeFileSync(accounts, world.accountsFile, { mode: 0o600 });
  process.env[DIRECTORY_VARIABLE] = directory;
  process.env[ACCOUNTS_FILE_VARIABLE] = accounts;
  process.env[CSV_ACCOUNTS_VARIABLE] = world.accountsCsv;
  process.env[PASSWORD_VARIABLE] = password;
  // This run's codes are its own fake service's: a ledger of its own, not the machine's.
  process.env[LEDGER_DIR_VARIABLE] = join(dir, 'ledger');
  return () => rmSync(dir, { recursive: true, force: true });
}
