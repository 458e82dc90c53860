// Sign-ins per minute of a sharded run on one Redis: `machines` × `workers` helpers (each machine
// its own file ledger, as separate runners have; all coordinating through one Redis), a pool of
// `accounts` accounts (accountPool), `signIns` sign-ins against one fake Microsoft that refuses a
// reused code. Each account's code serves one sign-in per 30 s TOTP period, so the limit is one
// sign-in per account per period: 8 a minute for 4 accounts. The run is measured against the
// periods it spans, from the first browser started to the last app reached, partial ones at
// either end included (accounts × periods spanned sign-ins at most): a wall-clock minute that
// starts part-way into a period would credit the run with more periods than it had, and a share
// over 100 %. The wall-clock rate is given too.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis } from './redis.mjs';

const APP_URL = 'https://app.contoso.example/';
/** Microsoft's TOTP period (the fake service's default). */
const PERIOD_MS = 30_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const randomSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => ALPHABET[b % 32]).join('');

export async function benchFleetSignins({ machines = 3, workers = 2, accounts = 4, signIns = 24 } = {}) {
  const [{ launchWithMfaAutofill }, { startFakeSignin, routeToFakeSignin }] = await Promise.all([
    import('mfa-autofill-playwright'),
    import('mfa-autofill-playwright/fake-signin'),
  ]);
  const password = randomBytes(12).toString('base64url');
  const users = Array.from({ length: accounts }, (_, i) => ({
    upn: `bench.fleet${i + 1}@contoso.onmicrosoft.com`,
    password,
    secret: randomSecret(),
  }));
  const dir = mkdtempSync(join(tmpdir(), 'mfa-bench-fleet-'));
  const accountsFile = join(dir, 'accounts.txt');
  writeFileSync(
    accountsFile,
    users.map((u) => `otpauth://totp/Contoso:${u.upn}?secret=${u.secret}&issuer=Microsoft`).join('\n'),
    { mode: 0o600 },
  );
  const redis = await startRedis();
  const service = await startFakeSignin({ users });
  let left = signIns;
  const started = Date.now();
  try {
    const worker = async (machine) => {
      while (left > 0) {
        left--;
        // A test's life with the pool: its own browser, an account no one else holds, sign in, done.
        const mfa = await launchWithMfaAutofill({
          accounts: { file: accountsFile },
          coordination: redis.url,
          ledgerDir: join(dir, `machine-${machine}`),
          accountPool: { timeoutMs: 300_000 },
        });
        try {
          await routeToFakeSignin(mfa.context, service);
          const page = await mfa.context.newPage();
          await page.goto(APP_URL);
          await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(mfa.account.upn);
          await page.getByRole('button', { name: 'Next' }).click();
          await page.getByPlaceholder('Password').fill(password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.waitForURL(`${APP_URL}**`, { timeout: 150_000 });
          mfa.assertNoProblems();
        } finally {
          await mfa.close();
        }
      }
    };
    const all = [];
    for (let m = 1; m <= machines; m++) for (let w = 0; w < workers; w++) all.push(worker(m));
    await Promise.all(all);
    const ended = Date.now();
    const periods = Math.floor(ended / PERIOD_MS) - Math.floor(started / PERIOD_MS) + 1;
    const done = service.signIns.length;
    return {
      machines,
      workers,
      accounts,
      signIns: done,
      seconds: (ended - started) / 1000,
      periods,
      /** Sign-ins a minute of the periods spanned: at most `limit`. */
      perMinute: done / ((periods * PERIOD_MS) / 60_000),
      wallClockPerMinute: done / ((ended - started) / 60_000),
      limit: (accounts * 60_000) / PERIOD_MS,
      share: done / (accounts * periods),
      refused: service.codeChecks.filter((c) => c.result !== 'accepted').length,
    };
  } finally {
    await service.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
