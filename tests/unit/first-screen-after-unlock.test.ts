import { describe, expect, it } from 'vitest';
import type { AccountView, PageReplies } from '@/lib/messages';
import { fail } from '@/lib/problems';
import { firstScreenAfterUnlock } from '@/utils/first-screen-after-unlock';

type Reply = PageReplies['accounts:list'];

const unlocked = (name: string): Reply => ({
  ok: true,
  accounts: [{ id: name, name } as unknown as AccountView],
  total: 1,
});

/** Answers each request with the next reply given, counting the requests. */
function background(...replies: Reply[]) {
  const asked: number[] = [];
  const ask = () => {
    asked.push(asked.length);
    const reply = replies.shift();
    if (!reply) throw new Error('asked more often than expected');
    return Promise.resolve(reply);
  };
  return { ask, asked };
}

describe('the first screenful asked for behind the unlock', () => {
  it('is the reply to the request sent behind the unlock, with no second request', async () => {
    const bg = background(unlocked('sent behind'));
    const after = firstScreenAfterUnlock(bg.ask);
    after.sendBehindUnlock();
    expect(await after.take()).toEqual(unlocked('sent behind'));
    expect(bg.asked).toHaveLength(1);
  });

  it('asks again when the early request found the vault still locked', async () => {
    const bg = background(fail('problemVaultLocked'), unlocked('asked again'));
    const after = firstScreenAfterUnlock(bg.ask);
    after.sendBehindUnlock();
    expect(await after.take()).toEqual(unlocked('asked again'));
    expect(bg.asked).toHaveLength(2);
  });

  it('uses only the request sent behind the last unlock (a wrong passphrase tried first)', async () => {
    const bg = background(fail('problemVaultLocked'), unlocked('second try'));
    const after = firstScreenAfterUnlock(bg.ask);
    after.sendBehindUnlock();
    after.sendBehindUnlock();
    expect(await after.take()).toEqual(unlocked('second try'));
    expect(bg.asked).toHaveLength(2);
  });

  it('asks when nothing was sent behind the unlock, and takes an early reply once only', async () => {
    const bg = background(unlocked('early'), unlocked('asked later'));
    const after = firstScreenAfterUnlock(bg.ask);
    after.sendBehindUnlock();
    await after.take();
    expect(await after.take()).toEqual(unlocked('asked later'));
    expect(bg.asked).toHaveLength(2);
  });

  it('passes on a failure other than "locked" (the popup shows it)', async () => {
    const bg = background(fail('problemVaultDamaged'));
    const after = firstScreenAfterUnlock(bg.ask);
    after.sendBehindUnlock();
    expect(await after.take()).toEqual(fail('problemVaultDamaged'));
    expect(bg.asked).toHaveLength(1);
  });
});
