/**
 * The account pool on one machine (the file ledger of this run): a test waits while another holds
 * its only account, gets the wait back on its timeout and says it in its report; a wait that does
 * not end fails naming how many accounts are held and for how long; a crashed holder's account is
 * free again within 30 s; the sign-in cap makes an extra sign-in wait its turn.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeLedger, defaultLedgerDir, launchWithMfaAutofill } from 'mfa-autofill-playwright';
import { HOLD_TTL_MS } from '../../src/coordination/account-pool';
import { describeWait } from '../../src/waits';
import { expect, test } from './fixtures';
import { USERS } from './world';

/** A vault of one account (lynne's line of this run's accounts file): the pool has one account. */
function oneAccountFile(dir: string, upn: string): string {
  const line = readFileSync(process.env.MFA_ACCOUNTS_FILE!, 'utf8')
    .split('\n')
    .find((l) => l.includes(encodeURIComponent(upn)) || l.includes(upn))!;
  const file = join(dir, 'one-account.txt');
  writeFileSync(file, `${line}\n`, { mode: 0o600 });
  return file;
}

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mfa-pool-test-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a test whose account is held waits for it, gets the wait back on its timeout, and says so in its report', async ({
  playwright,
}) => {
  const accounts = { file: oneAccountFile(dir, USERS.lynne) };
  const first = await launchWithMfaAutofill({ playwright, accounts, accountPool: true });
  expect(first.account).toEqual({ upn: USERS.lynne });
  let waited = 0;
  const second = launchWithMfaAutofill({
    playwright,
    accounts,
    accountPool: true,
    onWait: (_wait, longerByMs) => (waited += longerByMs),
  });
  // The second browser starts, then waits: no one else may have the account while the first holds it.
  await expect.poll(() => waited, { timeout: 30_000 }).toBeGreaterThan(3_000);
  await first.close();
  const next = await second;
  try {
    expect(next.account).toEqual({ upn: USERS.lynne });
    expect(next.waits.map((w) => describeWait(w))).toEqual([
      expect.stringMatching(/^Waited \d+ s for a free account \(all were held by other tests\)\.$/),
    ]);
    expect(next.waits[0]).toMatchObject({ kind: 'free-account', account: USERS.lynne });
    expect(next.report()).toContain(describeWait(next.waits[0]!));

    const third = await launchWithMfaAutofill({ playwright, accounts, accountPool: { timeoutMs: 1_500 } }).catch(
      (e: Error) => e,
    );
    expect(String(third)).toMatch(
      new RegExp(
        `MFA Autofill: no free account in the pool after 2 s: 1 of 1 accounts held \\(${USERS.lynne.replace(/\./g, '\\.')} for \\d+ s\\) by other tests \\(${defaultLedgerDir().replace(/[/.-]/g, '\\$&')}\\)\\. Give the pool more accounts`,
      ),
    );
  } finally {
    await next.close();
  }
});

test.describe('the fixture', () => {
  const ledger = () => new CodeLedger(defaultLedgerDir());
  let waited = 0;
  let heartbeat: NodeJS.Timeout | undefined;
  test.use({
    mfaOptions: {
      accountPool: true,
      accounts: { env: 'POOL_FIXTURE_ACCOUNTS' },
      // The other test lets go once this one has waited 3 s.
      onWait: (_wait, longerByMs) => {
        waited += longerByMs;
        if (waited <= 3_000) return;
        clearInterval(heartbeat);
        void ledger().releaseHold(USERS.pradeep, 'another-test');
      },
    },
  });
  test.beforeAll(async () => {
    const line = readFileSync(process.env.MFA_ACCOUNTS_FILE!, 'utf8')
      .split('\n')
      .find((l) => l.includes(USERS.pradeep))!;
    process.env.POOL_FIXTURE_ACCOUNTS = `${line}\n`;
    // Another test (as another worker would) holds the only account, with its heartbeat.
    expect(await ledger().hold(USERS.pradeep, 'another-test', 20_000)).toBe(true);
    heartbeat = setInterval(() => void ledger().renewHold(USERS.pradeep, 'another-test', 20_000), 5_000);
  });
  test.afterAll(() => clearInterval(heartbeat));

  test('mfaAccount waits for the held account; the test gets the wait on top of its timeout and a note', async ({
    mfaAccount,
    mfa,
  }, testInfo) => {
    expect(mfaAccount).toEqual({ upn: USERS.pradeep });
    expect(mfa.waits.map((w) => w.kind)).toEqual(['free-account']);
    const said = describeWait(mfa.waits[0]!);
    expect(said).toMatch(/^Waited \d+ s for a free account/);
    expect(testInfo.timeout).toBeGreaterThanOrEqual(90_000 + waited);
    expect(waited).toBeGreaterThan(3_000);
    expect(testInfo.annotations).toContainEqual({ type: 'mfa-autofill', description: said });
  });
});

test("a crashed worker's hold is free again within 30 s", async () => {
  test.setTimeout(120_000);
  const accounts = oneAccountFile(dir, USERS.megan);
  const ledgerDir = join(dir, 'ledger');
  // A worker that takes the account and then dies without a word (SIGKILL: no release, no cleanup).
  const script = `import('mfa-autofill-playwright').then(async ({ launchWithMfaAutofill }) => {
    const mfa = await launchWithMfaAutofill({
      accounts: { file: ${JSON.stringify(accounts)} },
      ledgerDir: ${JSON.stringify(ledgerDir)},
      accountPool: true,
    });
    process.stdout.write('held ' + mfa.account.upn + '\\n');
  })`;
  const worker = execFile(process.execPath, ['-e', script]);
  await new Promise<void>((resolve) =>
    worker.stdout!.on('data', (d: Buffer) => String(d).includes('held') && resolve()),
  );
  const ledger = new CodeLedger(ledgerDir);
  expect(await ledger.hold(USERS.megan, 'next-test', HOLD_TTL_MS)).toBe(false);
  worker.kill('SIGKILL');
  const killed = Date.now();
  await expect
    .poll(() => ledger.hold(USERS.megan, 'next-test', HOLD_TTL_MS), { timeout: 40_000, intervals: [250] })
    .toBe(true);
  expect(Date.now() - killed).toBeLessThan(30_000);
});

test('at most N sign-ins of one account a minute: the extra one waits its turn and says why', async ({
  playwright,
}) => {
  test.setTimeout(120_000);
  const accounts = { file: oneAccountFile(dir, USERS.adele) };
  const ledgerDir = join(dir, 'ledger');
  const first = await launchWithMfaAutofill({
    playwright,
    accounts,
    accountPool: true,
    signInsPerMinute: 1,
    ledgerDir,
  });
  await first.close();
  const started = Date.now();
  const second = await launchWithMfaAutofill({
    playwright,
    accounts,
    accountPool: true,
    signInsPerMinute: 1,
    ledgerDir,
  });
  try {
    expect(Date.now() - started).toBeGreaterThan(50_000);
    expect(second.waits.map((w) => describeWait(w))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Waited \\d+ s to sign in ${USERS.adele.replace(/\./g, '\\.')} \\(at most 1 sign-ins of one account a minute, signInsPerMinute\\)\\.$`,
        ),
      ),
    ]);
    expect(second.report()).toContain(describeWait(second.waits[0]!));
  } finally {
    await second.close();
  }
});
