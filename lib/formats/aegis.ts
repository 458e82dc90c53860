import { isObject, numberish, stringOf } from './json-values';
import { RowCollector } from './rows';
import type { FileParse } from './types';

/**
 * Aegis's vault export (https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md):
 * `{version, header: {slots, params}, db}`. Unencrypted, `db` is `{version, entries: [...]}`
 * with entries `{type, name, issuer, note, info: {secret, algo, digits, period}}`; encrypted,
 * `db` is a base64 string and `header.slots` lists the key slots.
 */
export function looksLikeAegis(json: unknown): boolean {
  return isObject(json) && isObject(json.header) && 'db' in json;
}

const ENCRYPTED =
  'This Aegis export is encrypted. In Aegis, export again with encryption turned off (Settings → Import & Export → Export, untick "Encrypt the vault"), import that file, then delete it.';

const OTHER_TYPES: Readonly<Record<string, string>> = {
  hotp: 'HOTP (counter-based)',
  steam: 'Steam',
  motp: 'mOTP',
  yandex: 'Yandex',
};

export function parseAegisJson(json: unknown): FileParse {
  if (!isObject(json) || !isObject(json.header)) return { ok: false, error: 'This is not an Aegis export.' };
  if (json.header.slots != null || typeof json.db === 'string') return { ok: false, error: ENCRYPTED };
  const db = json.db;
  if (!isObject(db) || !Array.isArray(db.entries)) {
    return { ok: false, error: 'This Aegis export has no list of entries (db.entries); the file may be damaged.' };
  }
  const collector = new RowCollector();
  for (const [index, entry] of db.entries.entries()) {
    const where = { entry: index + 1 };
    if (!isObject(entry)) {
      collector.fail(where, [collector.problem(null, 'This entry is not an account.')]);
      continue;
    }
    const name = stringOf(entry.name);
    const label = name || stringOf(entry.issuer);
    const type = stringOf(entry.type).toLowerCase();
    if (type !== 'totp') {
      const kind = OTHER_TYPES[type] ?? 'Other types of';
      collector.fail(
        where,
        [collector.problem(null, `${kind} accounts are not supported; only TOTP accounts can be imported.`)],
        label,
      );
      continue;
    }
    const info = isObject(entry.info) ? entry.info : {};
    collector.add(
      {
        name,
        issuer: stringOf(entry.issuer),
        secret: stringOf(info.secret),
        digits: numberish(info.digits),
        period: numberish(info.period),
        algorithm: typeof info.algo === 'string' ? info.algo : undefined,
        notes: stringOf(entry.note),
      },
      where,
      { label },
    );
  }
  return collector.result();
}
