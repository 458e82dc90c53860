/**
 * `globalSetup: 'mfa-autofill-playwright/global-setup'` in playwright.config.ts: before any test,
 * checks that the Redis the run coordinates through answers (each project's
 * `use.mfaOptions.coordination`, else $MFA_AUTOFILL_REDIS_URL). One that does not stops the run at
 * once, before a worker starts, with the message a test would have failed with: the host and port
 * (never the user or password) and what to check. Without it, each worker's first test finds out
 * (after the connection's 3 s timeout) and the worker's later tests fail at once with the same words.
 * A run without Redis (the file ledger) is not touched.
 */
import type { FullConfig } from '@playwright/test';
import type { CoordinationOptions } from './coordination/open-ledger.js';
import { RedisLedger } from './coordination/redis-ledger.js';
import { type RedisTarget, redisTarget } from './coordination/redis-url.js';

/** The Redis each project of `config` would coordinate through, once each. */
export function coordinationTargets(config: Pick<FullConfig, 'projects'>, env = process.env): RedisTarget[] {
  const targets = new Map<string, RedisTarget>();
  for (const project of config.projects) {
    const options = (project.use as { mfaOptions?: CoordinationOptions } | undefined)?.mfaOptions;
    const target = redisTarget(options?.coordination, env);
    if (target) targets.set(target.url, target);
  }
  return [...targets.values()];
}

export default async function checkCoordinationBeforeTests(config: FullConfig): Promise<void> {
  for (const target of coordinationTargets(config)) {
    const ledger = await RedisLedger.connect(target);
    await ledger.close();
  }
}
