import { isObject, numberish, stringOf } from './json-values';
import type { UnsupportedKind } from './problems';
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

const OTHER_TYPES: Readonly<Record<string, UnsupportedKind>> = {
  hotp: 'hotp',
  steam: 'steam',
  motp: 'motp',
  yandex: 'yandex',
};

export function parseAegisJson(json: unknown): FileParse {
  if (!isObject(json) || !isObject(json.header)) return { ok: false, problem: { code: 'not-aegis' } };
  if (json.header.slots != null || typeof json.db === 'string') {
    return { ok: false, problem: { code: 'aegis-encrypted' } };
  }
  const db = json.db;
  if (!isObject(db) || !Array.isArray(db.entries)) return { ok: false, problem: { code: 'aegis-no-entries' } };
  const collector = new RowCollector();
  for (const [index, entry] of db.entries.entries()) {
    const where = { entry: index + 1 };
    if (!isObject(entry)) {
      collector.fail(where, [collector.problem(null, { code: 'not-an-account' })]);
      continue;
    }
    const name = stringOf(entry.name);
    const label = name || stringOf(entry.issuer);
    const type = stringOf(entry.type).toLowerCase();
    if (type !== 'totp') {
      const kind = OTHER_TYPES[type] ?? 'other';
      collector.fail(where, [collector.problem(null, { code: 'unsupported-type', kind })], label);
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
