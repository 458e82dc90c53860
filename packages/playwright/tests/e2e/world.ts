/**
 * The world the example tests run in, made up fresh for each run by global-setup.ts: a fake
 * tenant's users (each with a password and a TOTP secret, as registered in the authenticator
 * app), and what a QA team would hand its CI: an export of the accounts in the vault (a file,
 * or an environment variable) and the test password. Secrets are random per run.
 *
 * User names are not secrets: tests name them. The vault's copy of one secret is wrong on
 * purpose, and one user is not in the vault at all.
 */
import { readFileSync } from 'node:fs';
import type { DirectoryUser } from 'mfa-autofill-playwright/fake-signin';
import { randomSecret } from '../../../../tests/support/oathtool';

const domain = '@contoso.onmicrosoft.com';

export const USERS = {
  /** Three accounts signed in one after another. */
  adele: `adele.vance${domain}`,
  megan: `megan.bowen${domain}`,
  lee: `lee.gu${domain}`,
  /** Not in the vault. */
  diego: `diego.siciliani${domain}`,
  /** In the vault with the wrong secret key. */
  isaiah: `isaiah.langer${domain}`,
  /** Signed in by two browsers within one TOTP period, on two machines (two ledgers). */
  nestor: `nestor.wilke${domain}`,
  /** Signed in by two browsers within one TOTP period on one machine (one ledger). */
  joni: `joni.sherman${domain}`,
  /** Its tests stop at the code page (Submit after filling: never). */
  lynne: `lynne.robbins${domain}`,
  /** Signed in with "Stay signed in?" answered Yes and "Don't ask again" ticked. */
  pradeep: `pradeep.gupta${domain}`,
  /** Signed in while the vault is locked. */
  grady: `grady.archie${domain}`,
  /** The Authenticator push is her default: the service shows "Approve sign in request" first. */
  patti: `patti.fernandez${domain}`,
  /** Microsoft answers her password with "too many sign-ins" (AADSTS50196). */
  debra: `debra.berger${domain}`,
  /** Signed in twice in one browser within one TOTP period: the second waits for the next code. */
  miriam: `miriam.graham${domain}`,
  /** Signed in by two browsers of one ledger with signInsPerMinute 1 and no account pool: the second waits for a slot. */
  johanna: `johanna.lorenz${domain}`,
  /** Only in the environment variable's Entra OATH CSV. */
  alex: `alex.wilber${domain}`,
} as const;

/** Set by global-setup.ts for the fake service (stands in for Microsoft's side). */
export const DIRECTORY_VARIABLE = 'FAKE_SIGNIN_DIRECTORY';
/** The tenant's test password, as CI would provide it. */
export const PASSWORD_VARIABLE = 'QA_PASSWORD';
/** Accounts as an Entra OATH token CSV in an environment variable (the other way to hand them over). */
export const CSV_ACCOUNTS_VARIABLE = 'QA_MFA_ACCOUNTS_CSV';

export interface World {
  users: DirectoryUser[];
  /** otpauth:// lines, as exported from the extension or written from the tenant's registrations. */
  accountsFile: string;
  accountsCsv: string;
}

export function makeWorld(password: string): World {
  const users: DirectoryUser[] = Object.values(USERS).map((upn) => ({
    upn,
    password,
    secret: randomSecret(32),
    pushFirst: upn === USERS.patti,
    throttled: upn === USERS.debra,
  }));
  const secretOf = (upn: string) => users.find((u) => u.upn === upn)!.secret;
  const inFile = Object.values(USERS).filter((upn) => upn !== USERS.diego && upn !== USERS.alex);
  const lines = inFile.map((upn) => {
    const secret = upn === USERS.isaiah ? randomSecret(32) : secretOf(upn);
    // Microsoft's registration QR code, with the secret lower case as "Can't scan image?" shows it.
    return `otpauth://totp/Contoso:${upn}?secret=${secret.toLowerCase()}&issuer=Microsoft`;
  });
  const csv = [
    'upn,serial number,secret key,time interval,manufacturer,model',
    `${USERS.alex},1000001,${secretOf(USERS.alex)},30,Contoso,Software TOTP`,
  ];
  return { users, accountsFile: `${lines.join('\n')}\n`, accountsCsv: `${csv.join('\n')}\n` };
}

export function readDirectory(): DirectoryUser[] {
  const path = process.env[DIRECTORY_VARIABLE];
  if (!path)
    throw new Error(`${DIRECTORY_VARIABLE} is not set: run these tests with packages/playwright/playwright.config.ts`);
  return JSON.parse(readFileSync(path, 'utf8')) as DirectoryUser[];
}

export function testPassword(): string {
  const password = process.env[PASSWORD_VARIABLE];
  if (!password) throw new Error(`${PASSWORD_VARIABLE} is not set`);
  return password;
}
