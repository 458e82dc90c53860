import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accountKey, holdRecord, parseHoldRecord } from '../../src/coordination/ledger';
import { redisTarget, scrub } from '../../src/coordination/redis-url';
import { openSession, sealSession } from '../../src/coordination/sealed-session';
import { formatReport } from '../../src/events';

describe('the Redis URL', () => {
  it.each([
    ['redis://127.0.0.1:6390', '127.0.0.1:6390', null],
    ['rediss://qa:s3cr%40t@redis.contoso.com:6380/0', 'redis.contoso.com:6380', 's3cr@t'],
    ['redis://redis', 'redis:6379', null],
  ])('%s is Redis at %s', (url, where, secret) => {
    expect(redisTarget(url)).toEqual({ url, where, secret });
  });

  it('comes from MFA_AUTOFILL_REDIS_URL when the option is not given; none means the file ledger', () => {
    expect(redisTarget(undefined, { MFA_AUTOFILL_REDIS_URL: 'redis://r:1' })?.where).toBe('r:1');
    expect(redisTarget(undefined, {})).toBeNull();
  });

  it.each([
    ['http://redis:6379', 'must be a redis:// or rediss:// URL, not http://…'],
    ['redis-host:6379', 'must be a redis:// or rediss:// URL'],
    ['not a url', 'is not a URL'],
  ])('%s is refused: %s', (url, message) => {
    expect(() => redisTarget(url)).toThrow(message);
  });

  it('scrubs the password from any message', () => {
    const target = redisTarget('redis://qa:hunter22@r:1')!;
    expect(scrub('AUTH hunter22 failed', target)).toBe('AUTH *** failed');
  });
});

describe('kept sessions sealed for Redis', () => {
  const key = randomBytes(32);
  it('open with the same key for the same Redis key only', () => {
    const sealed = sealSession('{"cookies":[]}', key, 'p:session:a');
    expect(sealed).not.toContain('cookies');
    expect(openSession(sealed, key, 'p:session:a')).toBe('{"cookies":[]}');
    expect(openSession(sealed, key, 'p:session:b')).toBeNull();
    expect(openSession(sealed, randomBytes(32), 'p:session:a')).toBeNull();
    expect(openSession('AAAA', key, 'p:session:a')).toBeNull();
  });

  it('use a fresh IV each time', () => {
    expect(sealSession('x', key, 'k')).not.toBe(sealSession('x', key, 'k'));
  });
});

describe('ledger records', () => {
  it('key an account case-insensitively, without its name', () => {
    expect(accountKey(' A@Contoso.com ')).toBe(accountKey('a@contoso.com'));
    expect(accountKey('a@contoso.com')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keep a holder and since when', () => {
    expect(parseHoldRecord(holdRecord('abc', 1_700_000_000_000))).toEqual({ holder: 'abc', since: 1_700_000_000_000 });
    expect(parseHoldRecord('garbage')).toBeNull();
  });
});

describe('the MFA report', () => {
  it('says what the helper waited for, under the vault line', () => {
    expect(formatReport([], ['a@contoso.com'], ['waited 12 s for a free account (all were held by other tests)'])).toBe(
      [
        'MFA Autofill: the vault has 1 account: a@contoso.com.',
        'MFA Autofill: waited 12 s for a free account (all were held by other tests).',
        'No code prompt was handled.',
      ].join('\n'),
    );
  });
});
