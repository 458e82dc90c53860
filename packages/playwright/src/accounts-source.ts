/**
 * Where the accounts to import come from: a file, or an environment variable, never the test's
 * own source (secrets belong in CI's secret store, not in the repository).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportContent } from './extension-protocol.js';

/**
 * `file`: a path to any file the extension's import reads (otpauth:// lines, Entra OATH CSV,
 * encrypted backup, Aegis / Authenticator-extension JSON, a QR code image).
 * `env`: the name of an environment variable holding such a file's text.
 */
export type AccountsSource = { file: string } | { env: string };

/** Read when no source is given: a path first, then the content itself. */
export const ACCOUNTS_FILE_VARIABLE = 'MFA_ACCOUNTS_FILE';
export const ACCOUNTS_TEXT_VARIABLE = 'MFA_ACCOUNTS';
/** For an encrypted backup. */
export const BACKUP_PASSPHRASE_VARIABLE = 'MFA_ACCOUNTS_PASSPHRASE';

export interface AccountsContent {
  content: ImportContent;
  /** Says where the accounts came from, in messages: never the content. */
  label: string;
}

export class AccountsSourceError extends Error {
  override name = 'AccountsSourceError';
}

export function defaultAccountsSource(env: NodeJS.ProcessEnv = process.env): AccountsSource {
  if (env[ACCOUNTS_FILE_VARIABLE]) return { file: env[ACCOUNTS_FILE_VARIABLE] };
  if (env[ACCOUNTS_TEXT_VARIABLE]) return { env: ACCOUNTS_TEXT_VARIABLE };
  throw new AccountsSourceError(
    `MFA Autofill: no accounts to import. Set ${ACCOUNTS_FILE_VARIABLE} to the path of an export ` +
      `(otpauth:// lines, Entra OATH CSV, encrypted backup, …) or ${ACCOUNTS_TEXT_VARIABLE} to its text.`,
  );
}

export function readAccounts(source: AccountsSource, env: NodeJS.ProcessEnv = process.env): AccountsContent {
  if ('file' in source) {
    const path = resolve(source.file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new AccountsSourceError(`MFA Autofill: cannot read the accounts file ${path}: ${(error as Error).message}`);
    }
    // Bytes, not text: the import recognises images and binary backups by their content.
    return { content: { base64: bytes.toString('base64') }, label: path };
  }
  const text = env[source.env];
  if (!text) throw new AccountsSourceError(`MFA Autofill: the environment variable ${source.env} is not set or empty.`);
  return { content: { text }, label: `$${source.env}` };
}
