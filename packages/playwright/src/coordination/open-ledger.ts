/**
 * The ledger a helper session uses (ledger.ts): Redis when `coordination` (or
 * $MFA_AUTOFILL_REDIS_URL) names one, else the file ledger of this machine; none with
 * `ledgerDir: false` and no Redis. Sessions of one process (a Playwright worker's tests, the
 * pool's fixture) share one Redis connection, closed when the last of them is done.
 *
 * A Redis this process has never reached is remembered as unreachable: the worker's later tests
 * fail at once with the first one's message instead of each waiting out the connection's timeout
 * (the run's globalSetup, global-setup.ts, stops it before any test). One reached before and lost
 * is tried again by every session, so the run goes on when it is back (README.md, 'Parallel runs').
 */
import { CodeLedger } from './file-ledger.js';
import { type Ledger, LedgerUnavailableError } from './ledger.js';
import { RedisLedger } from './redis-ledger.js';
import { DEFAULT_KEY_PREFIX, redisTarget } from './redis-url.js';

export interface CoordinationOptions {
  /** redis://… or rediss://… (user and password in the URL): coordinate across machines. Default: $MFA_AUTOFILL_REDIS_URL. */
  coordination?: string;
  /** Prefix of every Redis key, so several suites can share one Redis. Default "mfa-autofill:". */
  redisKeyPrefix?: string;
  /** The file ledger's folder; `false` (and no Redis): no leases. */
  ledgerDir?: string | false;
}

export interface LedgerHandle {
  ledger: Ledger;
  /** The same ledger when it is Redis (for kept sign-ins), else null. */
  redis: RedisLedger | null;
  release(): Promise<void>;
}

const connections = new Map<string, { ledger: Promise<RedisLedger>; users: number }>();
/** By URL: the failure of a Redis never reached from this process, and the URLs that were reached. */
const unreachableAtStart = new Map<string, Error>();
const reached = new Set<string>();

async function sharedRedis(url: string, prefix: string, connect: () => Promise<RedisLedger>): Promise<LedgerHandle> {
  const id = `${prefix}\u0000${url}`;
  const knownUnreachable = unreachableAtStart.get(url);
  if (knownUnreachable) throw knownUnreachable;
  let entry = connections.get(id);
  if (!entry) {
    entry = { ledger: connect(), users: 0 };
    connections.set(id, entry);
  }
  entry.users++;
  const current = entry;
  let ledger: RedisLedger;
  try {
    ledger = await current.ledger;
    reached.add(url);
  } catch (error) {
    if (connections.get(id) === current) connections.delete(id);
    if (!reached.has(url) && error instanceof LedgerUnavailableError) unreachableAtStart.set(url, error);
    throw error;
  }
  let released = false;
  return {
    ledger,
    redis: ledger,
    async release() {
      if (released) return;
      released = true;
      current.users--;
      if (current.users > 0) return;
      if (connections.get(id) === current) connections.delete(id);
      await ledger.close();
    },
  };
}

export async function openLedger(options: CoordinationOptions): Promise<LedgerHandle | null> {
  const target = redisTarget(options.coordination);
  if (target) {
    const prefix = options.redisKeyPrefix ?? DEFAULT_KEY_PREFIX;
    return sharedRedis(target.url, prefix, () => RedisLedger.connect(target, prefix));
  }
  if (options.ledgerDir === false) return null;
  const ledger = new CodeLedger(options.ledgerDir || undefined);
  ledger.prune();
  return { ledger, redis: null, release: async () => undefined };
}
