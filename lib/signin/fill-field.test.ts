import { describe, expect, it } from 'vitest';
import { setFieldValue } from './fill-field';
import { pageFromHtml } from './fixture-page.testing';

describe('setFieldValue', () => {
  it('sets the value with the native setter, then fires bubbling input and change events', async () => {
    const page = pageFromHtml('<form id="form"><input id="field"></form>');
    const doc = page.document;
    const field = doc.getElementById('field') as HTMLInputElement;
    // What a framework does: shadow `value` on the instance (React's tracker on login.live.com).
    let frameworkSaw: string | null = null;
    Object.defineProperty(field, 'value', {
      configurable: true,
      get: () => 'framework copy',
      set: (value: string) => {
        frameworkSaw = value;
      },
    });
    const seen: string[] = [];
    for (const type of ['input', 'change']) {
      doc.getElementById('form')!.addEventListener(type, (event) => {
        const native = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(event.target), 'value')?.get;
        seen.push(`${event.type}:${native?.call(event.target)}`);
      });
    }
    setFieldValue(field, '123456');
    expect(seen).toEqual(['input:123456', 'change:123456']);
    expect(frameworkSaw).toBeNull();
    await page.close();
  });
});
