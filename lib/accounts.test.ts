import { describe, expect, it } from 'vitest';
import {
  type Account,
  type AccountInput,
  accountForPage,
  duplicateNameError,
  type FieldError,
  newAccount,
  validateAccountInput,
} from './accounts';
import { describeFieldProblem, describeLinkIssue } from './formats/describe';
import { english } from './formats/english.testing';

const GOOD_SECRET = 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp';
const NAME = 'qa.user@contoso.onmicrosoft.com';

/** What the page shows for an error, in English. */
function shown(error: FieldError): string {
  return error.problem.code === 'otpauth-link'
    ? describeLinkIssue(error.problem.issue, english)
    : describeFieldProblem(error.problem, english);
}

/** The first message for `field` as the page shows it, or null when the input is valid. */
function messageFor(input: AccountInput, field = 'secret'): string | null {
  const result = validateAccountInput(input);
  if (result.ok) return null;
  const error = result.errors.find((e) => e.field === field);
  return error ? shown(error) : `(no error on ${field}: ${JSON.stringify(result.errors)})`;
}

describe('validateAccountInput: secrets', () => {
  it.each([
    ['empty', '', 'Secret key is empty'],
    ['only spaces', '    ', 'Secret key is empty'],
    ['one bad character', 'JBSWY3DPEHPK3PX1', 'a character that is not Base32 (A–Z, 2–7): "1"'],
    ['several bad characters', 'JBSWY3DP0HPK3P8!', 'characters that are not Base32 (A–Z, 2–7): "0", "8", "!"'],
    ['129 characters', 'A'.repeat(129), 'Secret key has 129 characters; Microsoft accepts at most 128'],
    ['15 characters', 'A'.repeat(15), 'it needs at least 16'],
  ])('%s is refused', (_, secret, expected) => {
    expect(messageFor({ name: NAME, secret })).toContain(expected);
  });

  it.each([
    ['as Microsoft shows it (lower case, groups of four)', GOOD_SECRET, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'],
    ['with dashes and padding', 'JBSW-Y3DP-EHPK-3PXP====', 'JBSWY3DPEHPK3PXP'],
    ['exactly 128 characters', 'A'.repeat(128), 'A'.repeat(128)],
  ])('%s is accepted', (_, secret, normalised) => {
    const result = validateAccountInput({ name: NAME, secret });
    expect(result.ok && result.value.secret).toBe(normalised);
  });
});

describe('validateAccountInput: other fields', () => {
  it.each([
    ['digits', { digits: 7 }, 'Digits must be 6 or 8, not 7'],
    ['period', { period: 45 }, 'Period must be 30 or 60 seconds, not 45'],
    ['algorithm', { algorithm: 'MD5' }, 'Algorithm must be SHA1, SHA256 or SHA512, not MD5'],
    ['name', { name: '   ' }, 'Account name is empty'],
    ['name', { name: 'x'.repeat(300) }, 'Account name has 300 characters'],
  ] as const)('a bad %s is refused: %j', (field, change, expected) => {
    expect(messageFor({ name: NAME, secret: GOOD_SECRET, ...change }, field)).toContain(expected);
  });

  it('reports every faulty field at once', () => {
    const result = validateAccountInput({ name: '', secret: '', digits: 9, period: 10 });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['name', 'secret', 'digits', 'period']);
  });
});

describe('validateAccountInput: otpauth links in the Secret key field', () => {
  it('takes label, issuer, digits, period and algorithm from the link', () => {
    const link =
      'otpauth://totp/Contoso:qa.user%40contoso.onmicrosoft.com?secret=jbswy3dpehpk3pxp&issuer=Microsoft&digits=8&period=60&algorithm=SHA256';
    const result = validateAccountInput({ name: '', secret: link });
    expect(result).toEqual({
      ok: true,
      value: {
        name: NAME,
        issuer: 'Microsoft',
        secret: 'JBSWY3DPEHPK3PXP',
        digits: 8,
        period: 60,
        algorithm: 'SHA256',
        notes: '',
      },
    });
  });

  it('uses Microsoft defaults (6 digits, 30 s, SHA1) when the link has none', () => {
    const result = validateAccountInput({
      name: '',
      secret: 'otpauth://totp/Fabrikam:admin@fabrikam.com?secret=jbswy3dpehpk3pxp&issuer=Microsoft',
    });
    expect(result.ok && [result.value.name, result.value.digits, result.value.period, result.value.algorithm]).toEqual([
      'admin@fabrikam.com',
      6,
      30,
      'SHA1',
    ]);
  });

  it.each([
    ['no secret', 'otpauth://totp/Contoso:a@contoso.com?issuer=Microsoft', 'has no secret= parameter'],
    ['HOTP', 'otpauth://hotp/Contoso:a@contoso.com?secret=JBSWY3DPEHPK3PXP&counter=1', 'is for HOTP'],
    ['unknown type', 'otpauth://motp/a?secret=JBSWY3DPEHPK3PXP', 'is not for TOTP codes'],
    [
      'bad secret',
      'otpauth://totp/a?secret=JBSW1',
      'has a bad secret= parameter: Secret key has 1 character that is not Base32',
    ],
    [
      'bad digits',
      'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=7',
      'has a bad digits= parameter: Digits must be 6 or 8',
    ],
    ['bad period', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=45', 'has a bad period= parameter'],
    ['bad algorithm', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', 'has a bad algorithm= parameter'],
    [
      'broken percent-encoding',
      'otpauth://totp/a%E0%A4%A?secret=JBSWY3DPEHPK3PXP',
      'label that is not valid percent-encoding',
    ],
    ['no account name', 'otpauth://totp/?secret=JBSWY3DPEHPK3PXP', 'Account name is empty'],
  ])('a link with %s is refused', (_, link, expected) => {
    const result = validateAccountInput({ name: '', secret: link });
    expect(result.ok ? null : shown(result.errors[0])).toContain(expected);
  });
});

describe('names', () => {
  const accounts: Account[] = [
    newAccount(
      { name: NAME, issuer: '', secret: 'JBSWY3DPEHPK3PXP', digits: 6, period: 30, algorithm: 'SHA1', notes: '' },
      'a',
      0,
    ),
    newAccount(
      {
        name: 'admin@fabrikam.com',
        issuer: '',
        secret: 'JBSWY3DPEHPK3PXQ',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        notes: '',
      },
      'b',
      0,
    ),
  ];

  it('refuses a duplicate name whatever its case', () => {
    expect(duplicateNameError(accounts, ' QA.User@Contoso.onmicrosoft.com ')?.error).toContain('already in the vault');
    expect(duplicateNameError(accounts, NAME, 'a')).toBeNull();
  });

  it.each([
    ['QA.USER@contoso.onmicrosoft.com', 'a'],
    ['admin@fabrikam.com', 'b'],
    ['someone@else.com', null],
    [null, null],
  ])('the page account %j picks %j', (pageAccount, id) => {
    expect(accountForPage(accounts, pageAccount)?.id ?? null).toBe(id);
  });

  it('with exactly one account and no name on the page, uses it', () => {
    expect(accountForPage(accounts.slice(0, 1), null)?.id).toBe('a');
  });
});
