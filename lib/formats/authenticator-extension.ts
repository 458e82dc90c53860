import { bytesToBase32 } from './base32';
import { isObject, type JsonObject, numberish, stringOf } from './json-values';
import type { UnsupportedKind } from './problems';
import { RowCollector } from './rows';
import type { FileParse } from './types';

/**
 * The "Authenticator" browser extension's backup (Authenticator-Extension/Authenticator,
 * src/models/storage.ts, `backupGetExport`): an object keyed by entry hash, values like
 * `{account, issuer, secret, type, period, digits, algorithm, encrypted, hash, index}`, keys
 * left out when they hold the default (totp, 30 s, 6 digits, SHA1). Besides entries it may
 * hold "UserSettings" and its encryption keys (`dataType: "Key"`, or the old `key`), and
 * entries still encrypted with its password (`dataType: "EncOTPStorage"`, or `encrypted: true`).
 */
function isEntry(value: unknown): value is JsonObject {
  return isObject(value) && (typeof value.secret === 'string' || value.dataType === 'EncOTPStorage');
}

function entriesOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return null;
  return Object.entries(json)
    .filter(([key, value]) => key !== 'UserSettings' && key !== 'key' && !(isObject(value) && value.dataType === 'Key'))
    .map(([, value]) => value);
}

export function looksLikeAuthenticatorExtension(json: unknown): boolean {
  return entriesOf(json)?.some(isEntry) ?? false;
}

const OTHER_TYPES: Readonly<Record<string, UnsupportedKind>> = {
  hotp: 'hotp',
  hhex: 'hotp',
  battle: 'battle',
  steam: 'steam',
};

/** Its OTPAlgorithm enum numbers SHA1 = 1, SHA256, SHA512; backups write the name, some older ones the number. */
function algorithmName(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const byNumber: Readonly<Record<string, string>> = { '1': 'SHA1', '2': 'SHA256', '3': 'SHA512' };
  return byNumber[String(value)] ?? String(value);
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(Math.floor(hex.length / 2));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function parseAuthenticatorExtensionJson(json: unknown): FileParse {
  const entries = entriesOf(json);
  if (entries === null) return { ok: false, problem: { code: 'not-authenticator' } };
  if (entries.some((e) => isObject(e) && (e.encrypted === true || e.dataType === 'EncOTPStorage'))) {
    return { ok: false, problem: { code: 'authenticator-encrypted' } };
  }
  const collector = new RowCollector();
  for (const [index, entry] of entries.entries()) {
    const where = { entry: index + 1 };
    if (!isEntry(entry)) {
      collector.fail(where, [collector.problem(null, { code: 'not-an-account' })]);
      continue;
    }
    const name = stringOf(entry.account);
    const label = name || stringOf(entry.issuer);
    let secret = stringOf(entry.secret);
    let type = stringOf(entry.type).toLowerCase() || 'totp';
    // Its import marks Battle.net and Steam secrets by prefix rather than by type.
    if (/^(blz-|bliz-)/.test(secret)) type = 'battle';
    if (/^stm-/.test(secret)) type = 'steam';
    if (type !== 'totp' && type !== 'hex') {
      const kind = OTHER_TYPES[type] ?? 'other';
      collector.fail(where, [collector.problem(null, { code: 'unsupported-type', kind })], label);
      continue;
    }
    // Same rule as its import: a TOTP secret that is hex but not Base32 is a hex key.
    if (type === 'hex' || (!/^[a-z2-7]+=*$/i.test(secret) && /^[0-9a-f]+$/i.test(secret))) {
      if (!/^([0-9a-f]{2})+$/i.test(secret)) {
        collector.fail(where, [collector.problem('secret', { code: 'hex-not-bytes' })], label);
        continue;
      }
      secret = bytesToBase32(hexToBytes(secret));
    }
    collector.add(
      {
        name,
        issuer: stringOf(entry.issuer),
        secret,
        digits: numberish(entry.digits),
        period: numberish(entry.period),
        algorithm: algorithmName(entry.algorithm),
      },
      where,
      { label },
    );
  }
  return collector.result();
}
