/**
 * The Redis to coordinate through: `coordination` (or $MFA_AUTOFILL_REDIS_URL), a redis:// or
 * rediss:// URL whose user and password are never printed: messages name host:port only.
 */
export const REDIS_URL_VARIABLE = 'MFA_AUTOFILL_REDIS_URL';
/** Keys start with this unless `redisKeyPrefix` says otherwise, so several suites can share one Redis. */
export const DEFAULT_KEY_PREFIX = 'mfa-autofill:';

export interface RedisTarget {
  url: string;
  /** host:port, for messages. */
  where: string;
  /** The password in the URL, if any: scrubbed from every message that could quote it. */
  secret: string | null;
}

export class CoordinationConfigError extends Error {
  override name = 'CoordinationConfigError';
}

/** The Redis asked for, or null for the file ledger on this machine. */
export function redisTarget(
  coordination: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): RedisTarget | null {
  const given = coordination ?? (env[REDIS_URL_VARIABLE] || undefined);
  if (!given) return null;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new CoordinationConfigError(
      `MFA Autofill: coordination (or ${REDIS_URL_VARIABLE}) is not a URL: give redis://host:port or rediss://host:port.`,
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new CoordinationConfigError(
      `MFA Autofill: coordination (or ${REDIS_URL_VARIABLE}) must be a redis:// or rediss:// URL, not ${url.protocol}//…`,
    );
  }
  const password = url.password ? decodeURIComponent(url.password) : null;
  return { url: given, where: `${url.hostname}:${url.port || '6379'}`, secret: password };
}

/** `text` without the URL's password (a client's error could quote its options). */
export function scrub(text: string, target: RedisTarget): string {
  return target.secret ? text.split(target.secret).join('***') : text;
}
