import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type FieldError, validateAccountInput } from '../../lib/accounts';
import { wordsFrom } from '../../lib/formats/words';
import { fail, failBecause, PROBLEM_ENGLISH, type Problem, type ProblemKey } from '../../lib/problems';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { speakIn } from '../support/page-language';

/**
 * The one function that words a problem (components/failure-text.ts), over the browser's own
 * message lookup (here the real _locales behind the fake browser): every kind of problem, in the
 * page's language, from that locale's messages and never from the English in `error`.
 */
async function pageIn(messages: typeof en, lang: string) {
  speakIn(messages, lang);
  return import('../../components/failure-text');
}

const german = wordsFrom(de, 'de');

describe('problemText: one wording for every problem', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each<[string, Problem, string]>([
    ['a vault problem', { code: 'problemVaultLocked', params: [] }, german.t('problemVaultLocked')],
    ['its numbers as German writes them', { code: 'problemVaultNewer', params: [100_000] }, 'Format 100.000'],
    ['an import problem', { code: 'empty' }, german.t('impEmpty')],
    ['an export problem', { code: 'nothing-selected' }, german.t('expNothingSelected')],
    ['a malformed otpauth:// link', { code: 'otpauth-link', issue: { code: 'hotp' } }, german.t('impLinkHotp')],
    ['a field of an account', { code: 'name-empty' }, german.t('fieldNameEmpty')],
    [
      'the characters typed into the Add form',
      { code: 'secret-not-base32', count: 2, characters: '"0", "!"' },
      german.t('fieldSecretBadCharacters', ['"0", "!"']),
    ],
    ['a value typed into the Add form', { code: 'digits', value: '7' }, german.t('fieldDigitsValue', ['7'])],
  ])('words %s in German', async (_kind, problem, expected) => {
    const { problemText } = await pageIn(de as typeof en, 'de');
    const text = problemText(problem);
    expect(text).toContain(expected);
    const { problemText: englishPage } = await pageIn(en, 'en');
    expect(englishPage(problem)).not.toBe(text);
  });

  it.each<[string, unknown]>([
    ['secret', 'JBSW1!'],
    ['digits', '7'],
    ['name', ''],
  ])('a refused %s (%j) is worded in German from its code, not the English of `error`', async (field, value) => {
    const { failureText } = await pageIn(de as typeof en, 'de');
    const checked = validateAccountInput({
      name: 'qa.user@contoso.onmicrosoft.com',
      secret: 'JBSWY3DPEHPK3PXP',
      [field]: value,
    });
    const error = checked.ok ? undefined : checked.errors.find((e) => e.field === field);
    expect(error).toBeDefined();
    const text = failureText(error as FieldError);
    expect(text).toMatch(/^Die |^Der /);
    expect(text).not.toBe(error?.message);
  });

  it.each(Object.keys(PROBLEM_ENGLISH) as ProblemKey[])(
    '%s: the German page shows German, not the English of `error`',
    async (code) => {
      const { failureText } = await pageIn(de as typeof en, 'de');
      const failure = fail(code, ...Array.from({ length: 2 }, (_, i) => i + 1));
      const text = failureText(failure);
      expect(text.trim()).not.toBe('');
      expect(text).not.toBe(code);
      expect(text).not.toBe(failure.error);
    },
  );
});

describe("a browser's error never reaches the words", () => {
  const ROOT = resolve(__dirname, '../..');
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$|\.testing\.ts$/.test(name))
      .map((name) => `${dir}/${name}`);
  /** `fail(code, …)` given an error's text as a parameter: English a page would show inside its own language. */
  const ERROR_AS_PARAMETER = /\bfail\(\s*'\w+'\s*,[^;]*(?:String\(\s*\w*err\w*\s*\)|\berr\w*\.message\b)/;

  it('keeps the cause in `error`, for logs, and out of the problem', async () => {
    const failed = failBecause('problemNoAnswer', new Error('Could not establish connection.'));
    expect(failed.problem).toEqual({ code: 'problemNoAnswer', params: [] });
    expect(failed.error).toContain('Could not establish connection.');
    const { failureText } = await pageIn(de as typeof en, 'de');
    expect(failureText(failed)).toBe(german.t('problemNoAnswer'));
  });

  it('no source passes an error text to fail() as a parameter', () => {
    const files = ['lib', 'utils', 'components', 'hooks', 'entrypoints'].flatMap(sources);
    expect(files).toContain('utils/send.ts');
    expect(files.filter((file) => ERROR_AS_PARAMETER.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it.each([
    "return fail('problemNoAnswer', String(error));",
    "return fail('problemScreenReportFailed', error instanceof Error ? error.message : String(error));",
  ])('sees an error text passed as a parameter: %s', (line) => {
    expect(ERROR_AS_PARAMETER.test(line)).toBe(true);
  });
});
