import { describe, expect, it } from 'vitest';
import { codeChangeNews, shownCodesById } from './code-changes';

const row = (id: string, code: string, secondsLeft = 30) => ({
  id,
  name: `${id}@contoso.onmicrosoft.com`,
  code,
  secondsLeft,
});

describe('codeChangeNews', () => {
  it('is quiet while the codes stay the same (every second of a period)', () => {
    const before = shownCodesById([row('a', '111111', 20), row('b', '222222', 20)]);
    expect(codeChangeNews(before, [row('a', '111111', 19), row('b', '222222', 19)])).toBeNull();
  });

  it('names the account and its new code when one code in view changes', () => {
    const before = shownCodesById([row('a', '111111', 1)]);
    expect(codeChangeNews(before, [row('a', '333333', 30)])).toEqual({
      kind: 'one',
      name: 'a@contoso.onmicrosoft.com',
      code: '333333',
      secondsLeft: 30,
    });
  });

  it('says only that codes changed when several did', () => {
    const before = shownCodesById([row('a', '111111'), row('b', '222222')]);
    expect(codeChangeNews(before, [row('a', '333333', 30), row('b', '444444', 60)])).toEqual({
      kind: 'several',
      count: 2,
      secondsLeft: 60,
    });
  });

  it('is not news when a row scrolls into view or its first code arrives', () => {
    const before = shownCodesById([row('a', '')]);
    expect(codeChangeNews(before, [row('a', '111111'), row('b', '222222')])).toBeNull();
  });
});
