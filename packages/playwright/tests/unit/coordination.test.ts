import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accountKey, holdRecord, parseHoldRecord } from '../../src/coordination/ledger';
import { redisTarget, scrub } from '../../src/coordination/redis-url';
import { openSession, sealSession } from '../../src/coordination/sealed-session';
import { formatReport } from '../../src/events';
import { describeWait, type MfaWait } from '../../src/waits';

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
  const since = 1_000;
  const freeAccount: MfaWait = {
    kind: 'free-account',
    account: 'a@contoso.com',
    reason: 'all were held by other tests',
    since,
    expectedUntil: null,
    endedAt: since + 12_000,
  };
  const signInSlot: MfaWait = {
    kind: 'sign-in-slot',
    account: 'a@contoso.com',
    reason: 'at most 6 sign-ins of one account a minute, signInsPerMinute',
    since: since + 12_000,
    expectedUntil: null,
    endedAt: since + 53_000,
  };

  it('says the pool’s waits in order, like the code periods’, and notes under the vault line', () => {
    const note = 'the hold on a@contoso.com lapsed during the session';
    expect(formatReport([], ['a@contoso.com'], [signInSlot, freeAccount], 60_000, [note])).toBe(
      [
        'MFA Autofill: the vault has 1 account: a@contoso.com.',
        `MFA Autofill: ${note}.`,
        '00:00:13.000  Waited 12 s for a free account (all were held by other tests).',
        '00:00:54.000  Waited 41 s to sign in a@contoso.com (at most 6 sign-ins of one account a minute, signInsPerMinute).',
      ].join('\n'),
    );
  });

  it('a wait for a sign-in slot that still lasts says so far', () => {
    expect(describeWait({ ...signInSlot, endedAt: null }, since + 20_000)).toBe(
      'Waiting to sign in a@contoso.com (at most 6 sign-ins of one account a minute, signInsPerMinute): 8 s so far.',
    );
  });
});
