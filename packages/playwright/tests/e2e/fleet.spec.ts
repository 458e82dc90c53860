/**
 * A sharded run on one Redis: three "machines" (separate Playwright processes, each with its own
 * temp dir and file ledger) × 2 workers × 4 pool accounts × 24 sign-ins against one fake
 * Microsoft that refuses a reused code. No code refused, no two tests holding one account at once
 * (the service records each test's use of its account), sessions kept on one machine reused on the others, and nothing in Redis that names an account.
 * Runs for about two minutes of TOTP periods (10 of the sign-ins need a code).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { Redis } from 'ioredis';
import { type DirectoryUser, startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { randomSecret } from '../../../../tests/support/oathtool';
import { startRedisServer } from './redis-server';

const MACHINES = 3;
const ACCOUNTS = 4;
const TESTS_PER_MACHINE = 8;

interface HoldLine {
  machine: string;
  upn: string;
  kind: 'fresh' | 'reuse';
  reused: boolean;
}

function runMachine(env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  const config = fileURLToPath(new URL('./fleet-suite/playwright.config.ts', import.meta.url));
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['playwright', 'test', '--config', config],
      { env, timeout: 270_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

test('three machines × 2 workers × 4 pool accounts × 24 sign-ins on one Redis: no code refused, no account held twice, sessions shared', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'mfa-fleet-'));
  const redis = await startRedisServer();
  const password = randomBytes(12).toString('base64url');
  const users: DirectoryUser[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    upn: `fleet.user${i + 1}@contoso.onmicrosoft.com`,
    password,
    secret: randomSecret(32),
  }));
  const service = await startFakeSignin({ users, keepSessions: true });
  try {
    const accounts = join(dir, 'accounts.txt');
    writeFileSync(
      accounts,
      users.map((u) => `otpauth://totp/Contoso:${u.upn}?secret=${u.secret}&issuer=Microsoft\n`).join(''),
      { mode: 0o600 },
    );
    const certificate = join(dir, 'service.pem');
    writeFileSync(certificate, service.certificate);
    const holds = join(dir, 'holds.jsonl');
    writeFileSync(holds, '');
    const prefix = `fleet-${randomBytes(4).toString('hex')}:`;
    const shared = {
      MFA_ACCOUNTS_FILE: accounts,
      MFA_AUTOFILL_REDIS_URL: redis.url,
      MFA_AUTOFILL_SESSION_KEY: randomBytes(32).toString('base64'),
      FLEET_SERVICE_PORT: String(service.port),
      FLEET_SERVICE_CERT: certificate,
      FLEET_PASSWORD: password,
      FLEET_HOLDS: holds,
    };
    const runs = await Promise.all(
      Array.from({ length: MACHINES }, (_, i) => {
        const machine = join(dir, `machine-${i + 1}`);
        mkdirSync(join(machine, 'tmp'), { recursive: true, mode: 0o700 });
        return runMachine({
          ...process.env,
          ...shared,
          TMPDIR: join(machine, 'tmp'),
          MFA_AUTOFILL_LEDGER: join(machine, 'ledger'),
          FLEET_MACHINE: String(i + 1),
          FLEET_OUTPUT: join(machine, 'results'),
          // The key prefix option, through the environment the suite's config reads.
          FLEET_PREFIX: prefix,
        });
      }),
    );
    for (const run of runs) expect(run.code, run.output).toBe(0);

    // Microsoft's side: every sign-in reached the app, no code was refused.
    expect(service.signIns).toHaveLength(MACHINES * TESTS_PER_MACHINE);
    expect(service.codeChecks.filter((c) => c.result !== 'accepted')).toEqual([]);
    const lines = readFileSync(holds, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as HoldLine);
    expect(lines).toHaveLength(MACHINES * TESTS_PER_MACHINE);
    // 2 fresh sign-ins per machine, and one per account that the others then reuse.
    const withCode = lines.filter((l) => !l.reused);
    expect(withCode).toHaveLength(MACHINES * 2 + ACCOUNTS);
    expect(service.codeChecks).toHaveLength(withCode.length);

    // The pool, as the service saw it: each test's use of its account (from naming it to the app's
    // sign-out at the end of the test) never overlaps another's, on whichever machine.
    expect(service.appSessions).toHaveLength(MACHINES * TESTS_PER_MACHINE);
    expect(service.appSessions.filter((s) => s.signedOutAt === null)).toEqual([]);
    for (const user of users) {
      const uses = service.appSessions.filter((s) => s.upn === user.upn).sort((a, b) => a.since - b.since);
      expect(uses.length).toBeGreaterThan(0);
      for (let i = 1; i < uses.length; i++) {
        expect(uses[i]!.since, `${user.upn}: ${JSON.stringify(uses)}`).toBeGreaterThan(uses[i - 1]!.signedOutAt!);
      }
    }

    // Shared sign-ins: each account signed in once for keeping; its session served other machines.
    const keptBy = new Map(lines.filter((l) => l.kind === 'reuse' && !l.reused).map((l) => [l.upn, l.machine]));
    expect(keptBy.size).toBe(ACCOUNTS);
    const reused = lines.filter((l) => l.reused);
    expect(reused).toHaveLength(MACHINES * 6 - ACCOUNTS);
    expect(reused.filter((l) => l.machine !== keptBy.get(l.upn)).length).toBeGreaterThan(0);

    // What Redis holds: hashes, counters, encrypted sessions; never a name, a secret or a cookie.
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('*');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((k) => k.startsWith(prefix))).toBe(true);
      const values = await Promise.all(keys.map((k) => client.get(k)));
      const stored = JSON.stringify({ keys, values }).toLowerCase();
      for (const clear of ['fleet.user', 'contoso', 'estsauth']) expect(stored).not.toContain(clear);
      for (const user of users) expect(stored).not.toContain(user.secret.toLowerCase().slice(0, 16));
    } finally {
      client.disconnect();
    }
  } finally {
    await service.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
