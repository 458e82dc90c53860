// examples/qa-suite/global-setup.ts
/**
 * What CI would provide (the accounts file, the test password) and what stands in for Microsoft:
 * one fake sign-in service for all workers, whose users are the accounts file's. Fails the run if
 * the service refused any code.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSignin } from 'mfa-autofill-playwright/fake-signin';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomSecret = () => Array.from(randomBytes(32), (b) => BASE32[b % 32]).join('');

export const USERS = ['adele.vance@contoso.onmicrosoft.com', 'megan.bowen@contoso.onmicrosoft.com'];

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'qa-suite-example-'));
  const password = randomBytes(12).toString('base64url');
  const users = USERS.map((upn) => ({ upn, password, secret: randomSecret() }));
  const service = await startFakeSignin({ users });

  // The accounts file, as CI would write it from a secret variable; and the test password.
  const accounts = join(dir, 'accounts.txt');
  writeFileSync(
    accounts,
    users.map((u) => `otpauth://totp/Contoso:${u.upn}?secret=${u.secret}&issuer=Microsoft`).join('\n'),
    { mode: 0o600 },
  );
  writeFileSync(join(dir, 'fake-signin.pem'), service.certificate);
  process.env.MFA_ACCOUNTS_FILE = accounts;
  process.env.QA_PASSWORD = password;
  // This run's own ledger: the codes are this fake service's, not the machine's real accounts'.
  process.env.MFA_AUTOFILL_LEDGER = join(dir, 'ledger');
  process.env.FAKE_SIGNIN = JSON.stringify({ port: service.port, certificate: join(dir, 'fake-signin.pem') });

  return async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
    const refused = service.codeChecks.filter((c) => c.result !== 'accepted');
    const accepted = service.codeChecks.length - refused.length;
    console.log(
      `Fake Microsoft: ${service.signIns.length} sign-ins reached the app, ${accepted} codes accepted, ${refused.length} refused.`,
    );
    if (refused.length > 0) {
      throw new Error(
        `The fake service refused ${refused.length} code(s): ${refused.map((c) => `${c.upn} ${c.result}`).join(', ')}`,
      );
    }
  };
}
