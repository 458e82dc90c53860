import { describe, expect, it } from 'vitest';
import { restrictStorageToTrustedContexts } from './storage-access';

function area(supported = true) {
  const calls: unknown[] = [];
  return {
    calls,
    setAccessLevel: async (options: { accessLevel: string }) => {
      calls.push(options);
      if (!supported) throw new Error('This method is only supported for storage.session');
    },
  };
}

describe('restrictStorageToTrustedContexts', () => {
  it('restricts local, sync and session to trusted contexts (Chrome), never to anything wider', async () => {
    const storage = { local: area(), sync: area(), session: area() };
    expect(await restrictStorageToTrustedContexts(storage)).toEqual(['local', 'sync', 'session']);
    for (const { calls } of Object.values(storage)) expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
  });

  it('keeps what the browser supports when it refuses the others (Firefox: session only)', async () => {
    const storage = { local: area(false), sync: { setAccessLevel: undefined }, session: area() };
    expect(await restrictStorageToTrustedContexts(storage)).toEqual(['session']);
  });
});
