/** One fake Microsoft for both workers (a code used by one is refused to the other), and the accounts file. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { randomSecret } from '../../../../../tests/support/oathtool';

export const PATIENT = 'patient.user@contoso.onmicrosoft.com';
export const WRONG_SECRET = 'wrong.secret@contoso.onmicrosoft.com';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-default-timeout-'));
  const password = randomBytes(12).toString('base64url');
  const users = [PATIENT, WRONG_SECRET].map((upn) => ({ upn, password, secret: randomSecret(32) }));
  const service = await startFakeSignin({ users });
  const lines = users.map(
    (u) =>
      `otpauth://totp/Contoso:${u.upn}?secret=${u.upn === WRONG_SECRET ? randomSecret(32) : u.secret}&issuer=Microsoft`,
  );
  writeFileSync(join(dir, 'accounts.txt'), `${lines.join('\n')}\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'fake-signin.pem'), service.certificate);
  process.env.MFA_ACCOUNTS_FILE = join(dir, 'accounts.txt');
  process.env.MFA_AUTOFILL_LEDGER = join(dir, 'ledger');
  process.env.QA_PASSWORD = password;
  process.env.FAKE_SIGNIN = JSON.stringify({ port: service.port, certificate: join(dir, 'fake-signin.pem') });
  return async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
    const refused = service.codeChecks.filter((c) => c.upn === PATIENT && c.result !== 'accepted');
    console.log(`Fake Microsoft: ${refused.length} codes of ${PATIENT} refused.`);
  };
}
