import { fromBase64 } from '../crypto';
import { bytesToBase32 } from './base32';
import type { ImportNotice, MigrationIssue, RowIssue } from './problems';
import { ProtobufError, ProtobufReader, WIRE_LENGTH_DELIMITED, WIRE_VARINT } from './protobuf';
import type { RowCollector } from './rows';
import type { RowLocation } from './types';

/**
 * Google Authenticator's "Transfer accounts" export: `otpauth-migration://offline?data=<base64>`
 * where data is a protobuf MigrationPayload. Field numbers and enums as in the community's
 * reverse-engineered schema (e.g. Aegis's GoogleAuthImporter, dim13/otpauth's migration.proto).
 */
export interface MigrationEntry {
  secret: Uint8Array;
  name: string;
  issuer: string;
  /** 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5 */
  algorithm: number;
  /** 0 unspecified, 1 six, 2 eight */
  digits: number;
  /** 0 unspecified, 1 HOTP, 2 TOTP */
  type: number;
}

export interface MigrationPayload {
  entries: MigrationEntry[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

const utf8 = new TextDecoder();

export function looksLikeMigrationLink(text: string): boolean {
  return /^\s*otpauth-migration:\/\//i.test(text);
}

function decodeEntry(bytes: Uint8Array): MigrationEntry {
  const entry: MigrationEntry = { secret: new Uint8Array(0), name: '', issuer: '', algorithm: 0, digits: 0, type: 0 };
  const reader = new ProtobufReader(bytes);
  while (!reader.done) {
    const field = reader.readField();
    if (field.wireType === WIRE_LENGTH_DELIMITED) {
      if (field.number === 1) entry.secret = field.value;
      else if (field.number === 2) entry.name = utf8.decode(field.value);
      else if (field.number === 3) entry.issuer = utf8.decode(field.value);
    } else if (field.wireType === WIRE_VARINT) {
      if (field.number === 4) entry.algorithm = field.value;
      else if (field.number === 5) entry.digits = field.value;
      else if (field.number === 6) entry.type = field.value;
    }
  }
  return entry;
}

/**
 * Google splits an export into QR codes of about ten accounts each; a hundred codes is more
 * than any phone's list. The batch fields are checked against this before anything is sized
 * by them: a forged link claiming 2^31 codes would otherwise build an array of that length.
 */
export const MAX_BATCH_SIZE = 100;

class BatchError extends ProtobufError {}

/** Throws ProtobufError on malformed bytes, and on batch numbers no real export has. */
export function decodeMigrationPayload(bytes: Uint8Array): MigrationPayload {
  const payload: MigrationPayload = { entries: [], version: 0, batchSize: 1, batchIndex: 0, batchId: 0 };
  const reader = new ProtobufReader(bytes);
  while (!reader.done) {
    const field = reader.readField();
    if (field.number === 1 && field.wireType === WIRE_LENGTH_DELIMITED) payload.entries.push(decodeEntry(field.value));
    else if (field.wireType === WIRE_VARINT) {
      if (field.number === 2) payload.version = field.value;
      else if (field.number === 3) payload.batchSize = field.value;
      else if (field.number === 4) payload.batchIndex = field.value;
      else if (field.number === 5) payload.batchId = field.value;
    }
  }
  const { batchSize, batchIndex } = payload;
  if (batchSize < 0 || batchSize > MAX_BATCH_SIZE || batchIndex < 0 || batchIndex >= Math.max(batchSize, 1)) {
    throw new BatchError('its QR code number is out of range');
  }
  return payload;
}

/**
 * The base64 in `data=` arrives mangled in the ways links get mangled: percent-encoded,
 * `+` turned into a space by form decoding, or written base64url.
 */
function decodeDataParameter(raw: string): Uint8Array | null {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return null;
  }
  text = text.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '').replace(/=+$/, '');
  if (text.length % 4 === 1) return null;
  text += '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

export function parseMigrationLink(
  link: string,
): { ok: true; value: MigrationPayload } | { ok: false; issue: MigrationIssue } {
  const fail = (issue: MigrationIssue) => ({ ok: false, issue }) as const;
  const trimmed = link.trim();
  if (!/^otpauth-migration:\/\/offline\?/i.test(trimmed)) return fail('start');
  const match = /[?&]data=([^&#]*)/.exec(trimmed);
  if (!match || match[1] === '') return fail('no-data');
  const bytes = decodeDataParameter(match[1] ?? '');
  if (!bytes) return fail('not-base64');
  try {
    const payload = decodeMigrationPayload(bytes);
    if (payload.entries.length === 0) return fail('no-accounts');
    return { ok: true, value: payload };
  } catch (error) {
    if (error instanceof BatchError) return fail('batch');
    if (error instanceof ProtobufError) return fail('damaged');
    throw error;
  }
}

/** MigrationPayload.Algorithm → our name; 0 (unspecified) is what old exports wrote for SHA1. MD5 (4) is refused. */
const ALGORITHMS: Readonly<Record<number, string>> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
/** MigrationPayload.DigitCount → digits; 0 (unspecified) means the default 6. */
const DIGITS: Readonly<Record<number, number>> = { 0: 6, 1: 6, 2: 8 };
const TYPE_HOTP = 1;
const TYPE_TOTP = 2;

/**
 * Validates each entry of a decoded payload into `collector`. Entry numbers are 1-based
 * within the link; `line` is the link's line in a text of several.
 */
export function collectMigrationEntries(payload: MigrationPayload, collector: RowCollector, line?: number): void {
  for (const [index, entry] of payload.entries.entries()) {
    const where: RowLocation = line === undefined ? { entry: index + 1 } : { line, entry: index + 1 };
    const label = entry.name || entry.issuer;
    const rowProblem = (issue: RowIssue) => collector.fail(where, [collector.problem(null, issue)], label);
    if (entry.type === TYPE_HOTP) {
      rowProblem({ code: 'unsupported-type', kind: 'hotp' });
      continue;
    }
    if (entry.type !== TYPE_TOTP) {
      // Aegis refuses an unspecified type too: guessing TOTP could make wrong codes.
      rowProblem({ code: 'unknown-type', type: entry.type });
      continue;
    }
    const algorithm = ALGORITHMS[entry.algorithm];
    const digits = DIGITS[entry.digits];
    // The colon-separated label of an otpauth link survives in the name: "Contoso:user@contoso.com".
    const colon = entry.name.indexOf(':');
    collector.add(
      {
        name: colon >= 0 ? entry.name.slice(colon + 1) : entry.name,
        issuer: entry.issuer.trim() || (colon >= 0 ? entry.name.slice(0, colon) : ''),
        secret: bytesToBase32(entry.secret),
        // Unknown enum values go to the Add form's checks as names it will refuse with its own message.
        digits: digits ?? `code ${entry.digits}`,
        algorithm: algorithm ?? (entry.algorithm === 4 ? 'MD5' : `code ${entry.algorithm}`),
        period: 30,
      },
      where,
      { label },
    );
  }
}

/** More exports than anyone imports at once; a file with more batches is forged, and a longer list helps nobody. */
const MAX_BATCH_NOTICES = 10;

/**
 * Google splits a large export over several QR codes: say which ones this import lacks.
 * Sizes and indexes were bounded by `decodeMigrationPayload`.
 */
export function missingBatchNotices(payloads: readonly MigrationPayload[]): ImportNotice[] {
  const batches = new Map<number, { size: number; have: Set<number> }>();
  for (const p of payloads) {
    if (p.batchSize <= 1) continue;
    if (!batches.has(p.batchId) && batches.size >= MAX_BATCH_NOTICES) continue;
    const batch = batches.get(p.batchId) ?? { size: p.batchSize, have: new Set<number>() };
    batch.have.add(p.batchIndex);
    batches.set(p.batchId, batch);
  }
  const notices: ImportNotice[] = [];
  for (const { size, have } of batches.values()) {
    const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !have.has(i));
    if (missing.length === 0) continue;
    notices.push({
      code: 'missing-batch',
      size,
      have: [...have].sort((a, b) => a - b).map((i) => i + 1),
      missing: missing.map((i) => i + 1),
    });
  }
  return notices;
}
