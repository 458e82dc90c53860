import type { Failure, FieldProblem, LinkProblem, OtpauthLinkIssue } from './problems';
import {
  type Algorithm,
  type Digits,
  type Period,
  validateAlgorithm,
  validateDigits,
  validatePeriod,
  validateSecret,
} from './totp';

export interface OtpauthLink {
  name: string;
  issuer: string;
  secret: string;
  digits: Digits;
  period: Period;
  algorithm: Algorithm;
}

/** What is wrong with a link (lib/problems.ts, where it is one kind of problem). */
export type { OtpauthLinkIssue };

export type OtpauthLinkParse = { ok: true; value: OtpauthLink } | (Failure & { problem: LinkProblem });

export function looksLikeOtpauthLink(text: string): boolean {
  return /^\s*otpauth:\/\//i.test(text);
}

/**
 * Parses `otpauth://totp/<Issuer>:<account>?secret=…&issuer=…&digits=…&period=…&algorithm=…`
 * (Key Uri Format). Microsoft's registration QR omits digits/period/algorithm: 6, 30 s, SHA1.
 */
export function parseOtpauthLink(text: string): OtpauthLinkParse {
  const trimmed = text.trim();
  const fail = (why: string, issue: OtpauthLinkIssue): OtpauthLinkParse => ({
    ok: false,
    error: `The otpauth:// link ${why}`,
    problem: { code: 'otpauth-link', issue },
  });
  if (!looksLikeOtpauthLink(trimmed)) return fail('must start with otpauth://.', { code: 'not-url' });
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail('is not a valid URL.', { code: 'not-url' });
  }
  // WHATWG URL puts the type of a non-special scheme in the pathname: //totp/label → host "totp".
  const type = url.host.toLowerCase();
  if (type === 'hotp')
    return fail('is for HOTP (counter-based) codes, which Microsoft sign-in does not use; only TOTP is supported.', {
      code: 'hotp',
    });
  // The Add form's message names the type the user pasted; an import words the code instead, quoting nothing.
  if (type !== 'totp') return fail(`has type "${type || '(none)'}"; expected otpauth://totp/….`, { code: 'not-totp' });

  let label: string;
  try {
    label = decodeURIComponent(url.pathname.replace(/^\//, ''));
  } catch {
    return fail('has a label that is not valid percent-encoding.', { code: 'label' });
  }
  const params = url.searchParams;
  // An issuer parameter that prefixes the label marks where the name starts even when the
  // issuer itself has a colon; otherwise the first colon separates them (Key Uri Format).
  const issuerParam = params.get('issuer')?.trim() ?? '';
  const colon = issuerParam && label.startsWith(`${issuerParam}:`) ? issuerParam.length : label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : '';
  const name = (colon >= 0 ? label.slice(colon + 1) : label).trim();

  const rawSecret = params.get('secret');
  if (rawSecret === null || rawSecret.trim() === '') return fail('has no secret= parameter.', { code: 'no-secret' });
  const badParam = (param: 'secret' | 'digits' | 'period' | 'algorithm', refused: { problem: FieldProblem }) =>
    fail(`has a bad ${param}= parameter (${refused.problem.code}).`, {
      code: 'param',
      param,
      raw: params.get(param),
      problem: refused.problem,
    });
  const secret = validateSecret(rawSecret);
  if (!secret.ok) return badParam('secret', secret);

  const digits = params.has('digits') ? validateDigits(params.get('digits')) : ({ ok: true, value: 6 } as const);
  if (!digits.ok) return badParam('digits', digits);
  const period = params.has('period') ? validatePeriod(params.get('period')) : ({ ok: true, value: 30 } as const);
  if (!period.ok) return badParam('period', period);
  const algorithm = params.has('algorithm')
    ? validateAlgorithm(params.get('algorithm'))
    : ({ ok: true, value: 'SHA1' } as const);
  if (!algorithm.ok) return badParam('algorithm', algorithm);

  return {
    ok: true,
    value: {
      name,
      issuer: (params.get('issuer') ?? labelIssuer).trim(),
      secret: secret.value,
      digits: digits.value,
      period: period.value,
      algorithm: algorithm.value,
    },
  };
}

/** The Key Uri Format link for an account, for export and QR codes. */
export function formatOtpauthLink(account: OtpauthLink): string {
  // The label's first colon separates issuer from name, escaped or not (Key Uri Format): a
  // name with a colon and no issuer gets an empty issuer so the colon stays in the name.
  const issuerPart = account.issuer || account.name.includes(':') ? `${encodeURIComponent(account.issuer)}:` : '';
  const label = `${issuerPart}${encodeURIComponent(account.name)}`;
  const params = new URLSearchParams({ secret: account.secret });
  if (account.issuer) params.set('issuer', account.issuer);
  params.set('algorithm', account.algorithm);
  params.set('digits', String(account.digits));
  params.set('period', String(account.period));
  return `otpauth://totp/${label}?${params.toString()}`;
}
