import { describe, expect, it } from 'vitest';
import { extensionRuntime } from './runtime';

function fakeRuntime(id: string | undefined) {
  const listeners = new Set<(message: unknown) => void>();
  return {
    listeners,
    runtime: {
      id,
      sendMessage: async (message: unknown) => ({ echoed: message }),
      onMessage: {
        addListener: (listener: (message: unknown) => void) => listeners.add(listener),
        removeListener: (listener: (message: unknown) => void) => listeners.delete(listener),
      },
    },
  };
}

describe('extensionRuntime', () => {
  it.each([
    ['Firefox (browser)', 'browser'],
    ['Chrome (chrome)', 'chrome'],
  ])('uses the global runtime of %s', async (_, name) => {
    const fake = fakeRuntime('ext-id');
    const runtime = extensionRuntime({ [name]: { runtime: fake.runtime } });
    expect(await runtime?.sendMessage({ type: 'content:kmsi' })).toEqual({ echoed: { type: 'content:kmsi' } });
    const seen: unknown[] = [];
    const unsubscribe = runtime?.onCommand((command) => seen.push(command));
    for (const listener of fake.listeners) {
      listener({ type: 'bg:fill-now' });
      listener({ type: 'something-else' });
    }
    expect(seen).toEqual([{ type: 'bg:fill-now' }]);
    unsubscribe?.();
    expect(fake.listeners.size).toBe(0);
  });

  it('is null without a runtime, or once the extension is gone (no id)', () => {
    expect(extensionRuntime({})).toBeNull();
    expect(extensionRuntime({ chrome: { runtime: fakeRuntime(undefined).runtime } })).toBeNull();
  });
});
