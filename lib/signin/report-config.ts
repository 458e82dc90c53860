/**
 * `$Config` in a screen report: its keys, and values only where they are enumerations (the page
 * id, each proof's method and whether it is the default, credential types). Its other values
 * (flow tokens, the user name, phone numbers in proof display text, URLs) never leave the page.
 */
import { enumerationValue, maskIdentifier } from './report-masking';
import type { ReportedConfig } from './screen-report-types';

const CONFIG_ASSIGNMENT = /\$Config\s*=\s*\{/;
const MAX_KEYS = 500;
const MAX_KEY_DEPTH = 3;
const MAX_PROOFS = 20;
/** Keys whose small-number values are credential types, as public automation names them. */
const CREDENTIAL_TYPE_KEY = /cred(ential)?_?type|prefcredential/i;

/** The object the page's inline `$Config={…}` script assigns (as lib/signin/page-config.ts finds it), or null. */
export function rawPageConfig(doc: Document): Record<string, unknown> | null {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const match = CONFIG_ASSIGNMENT.exec(text);
    if (!match) continue;
    try {
      const raw: unknown = JSON.parse(text.slice(match.index + match[0].length - 1, text.lastIndexOf('}') + 1));
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
    } catch {
      // Not JSON: the same page as having none, as page-config.ts sees it.
    }
  }
  return null;
}

function collectKeys(value: unknown, prefix: string, depth: number, keys: Set<string>): void {
  if (depth >= MAX_KEY_DEPTH || keys.size >= MAX_KEYS || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_PROOFS)) collectKeys(item, `${prefix}[]`, depth, keys);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (keys.size >= MAX_KEYS) return;
    const name = maskIdentifier(key);
    if (!name) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    keys.add(path);
    collectKeys(inner, path, depth + 1, keys);
  }
}

function collectCredentialTypes(value: unknown, depth: number, found: Record<string, number>): void {
  if (depth >= MAX_KEY_DEPTH || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (CREDENTIAL_TYPE_KEY.test(key) && Number.isInteger(inner) && (inner as number) >= 0 && (inner as number) < 100) {
      const name = maskIdentifier(key);
      if (name) found[name] = inner as number;
    } else {
      collectCredentialTypes(inner, depth + 1, found);
    }
  }
}

export function reportConfig(doc: Document): ReportedConfig | null {
  const raw = rawPageConfig(doc);
  if (!raw) return null;
  const keys = new Set<string>();
  collectKeys(raw, '', 0, keys);
  const proofs = Array.isArray(raw.arrUserProofs) ? raw.arrUserProofs.slice(0, MAX_PROOFS) : [];
  const credentialTypes: Record<string, number> = {};
  collectCredentialTypes(raw, 0, credentialTypes);
  return {
    keys: [...keys],
    pgid: enumerationValue(raw.pgid),
    proofs: proofs.flatMap((proof) => {
      const fields = proof as Record<string, unknown> | null;
      const authMethodId = enumerationValue(fields?.authMethodId);
      return authMethodId ? [{ authMethodId, isDefault: fields?.isDefault === true }] : [];
    }),
    credentialTypes,
  };
}
