import { describe, expect, it } from 'vitest';
import { validateAccountInput } from '../accounts';
import { type OtpauthLinkIssue, parseOtpauthLink } from '../otpauth-link';
import { describeLinkIssue } from './describe';
import { english, german } from './english.testing';

/**
 * A malformed otpauth:// link pasted into the Add form's "Secret key" is worded from its issue
 * code through _locales, in English and German, never as lib/otpauth-link.ts's English sentence
 * (docs/ARCHITECTURE.md, 'Problems and words'), and without quoting the link (it holds the secret).
 */
const MARKER = 'ZQXJZQXJZQXJZQXJ';
const MARKER_DIGITS = '98765432109876543210';
const GOOD_SECRET = 'JBSWY3DPEHPK3PXP';

const LINKS: Record<string, string> = {
  'not a URL': `otpauth://[${MARKER}/a?secret=${GOOD_SECRET}`,
  HOTP: `otpauth://hotp/${MARKER}?secret=${MARKER}&counter=1`,
  'not TOTP': `otpauth://${MARKER}/a?secret=${MARKER}`,
  'bad label': `otpauth://totp/${MARKER}%ZZ?secret=${MARKER}`,
  'no secret': `otpauth://totp/${MARKER}?issuer=${MARKER}`,
  'bad secret': `otpauth://totp/${MARKER}?secret=${MARKER}189`,
  'too short a secret': `otpauth://totp/${MARKER}?secret=ZQXJ`,
  'bad digits': `otpauth://totp/${MARKER}?secret=${GOOD_SECRET}&digits=${MARKER_DIGITS}`,
  'bad period': `otpauth://totp/${MARKER}?secret=${GOOD_SECRET}&period=${MARKER_DIGITS}`,
  'bad algorithm': `otpauth://totp/${MARKER}?secret=${GOOD_SECRET}&algorithm=${MARKER}`,
};

function issueOf(link: string): OtpauthLinkIssue {
  const parsed = parseOtpauthLink(link);
  if (parsed.ok) throw new Error(`${link} parsed`);
  return parsed.problem.issue;
}

describe('the Add form words a malformed otpauth:// link from its issue', () => {
  it('covers every kind of OtpauthLinkIssue and every parameter', () => {
    const kinds = new Set(
      Object.values(LINKS).map((link) => {
        const issue = issueOf(link);
        return issue.code === 'param' ? `param:${issue.param}` : issue.code;
      }),
    );
    expect([...kinds].sort()).toEqual(
      [
        'not-url',
        'hotp',
        'not-totp',
        'label',
        'no-secret',
        'param:secret',
        'param:digits',
        'param:period',
        'param:algorithm',
      ].sort(),
    );
  });

  it.each(Object.entries(LINKS))('%s: English and German text, no part of the link', (_, link) => {
    // The form's path: validateAccountInput hands the issue on with the secret's error.
    const validation = validateAccountInput({ name: '', secret: link });
    expect(validation.ok).toBe(false);
    const error = validation.ok ? undefined : validation.errors[0];
    expect(error?.field).toBe('secret');
    expect(error?.problem).toEqual({ code: 'otpauth-link', issue: issueOf(link) });

    const issue = issueOf(link);
    const en = describeLinkIssue(issue, english);
    const de = describeLinkIssue(issue, german);
    for (const text of [en, de]) {
      expect(text.trim()).not.toBe('');
      // A missing key comes back as the key itself.
      expect(text).not.toMatch(/^imp[A-Z]\w*$/);
      expect(text).not.toMatch(/\$\w+\$|\$\d/);
      expect(text.toUpperCase()).not.toContain(MARKER);
      expect(text).not.toContain(MARKER_DIGITS);
    }
    expect(de).not.toBe(en);
  });

  it('reads as German in German ("Der otpauth://-Link …")', () => {
    expect(describeLinkIssue({ code: 'hotp' }, german)).toMatch(/^Der otpauth:\/\/-Link /);
    expect(
      describeLinkIssue({ code: 'param', param: 'digits', raw: '7', problem: { code: 'digits', value: '7' } }, german),
    ).toContain('7');
  });
});
