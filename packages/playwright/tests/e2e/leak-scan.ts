/**
 * Searches test artifacts for secrets, as someone who downloads a CI run's artifacts could: the
 * raw bytes, every zip (Playwright traces) unpacked, and every run of Base64 / Base64url in them
 * decoded and searched again. A secret is searched in the forms it could take: as written,
 * upper and lower case, Base64 and Base64url of it, percent-encoded, and its raw key bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { base32Decode } from 'mfa-autofill-playwright/fake-signin';
import { isZip, zipEntries } from './zip-entries';

export interface Secret {
  /** What it is, in a failure message (never the value). */
  label: string;
  value: string;
  /** A TOTP secret: also search its raw key bytes. */
  base32?: boolean;
}

export interface Finding {
  where: string;
  secret: string;
  form: string;
}

interface Needle {
  label: string;
  form: string;
  bytes: Buffer;
}

/** Long enough that a random match is out of the question, short enough to catch a fragment. */
const MIN_BASE64_RUN = 16;

function needlesOf(secrets: readonly Secret[]): Needle[] {
  const needles: Needle[] = [];
  for (const { label, value, base32 } of secrets) {
    const forms = new Map<string, string>([
      ['as written', value],
      ['upper case', value.toUpperCase()],
      ['lower case', value.toLowerCase()],
      ['percent-encoded', encodeURIComponent(value)],
      ['JSON-escaped', JSON.stringify(value).slice(1, -1)],
    ]);
    // Base64 of a string starting at an offset that is not a multiple of 3 looks different:
    // search the encodings of the value at all three alignments, minus the edge characters.
    for (const shift of [0, 1, 2]) {
      const encoded = Buffer.from(`${'\0'.repeat(shift)}${value}`).toString('base64');
      const core = encoded.slice(shift === 0 ? 0 : 4, -4);
      if (core.length >= 8) {
        forms.set(`base64 (offset ${shift})`, core);
        forms.set(`base64url (offset ${shift})`, core.replace(/\+/g, '-').replace(/\//g, '_'));
      }
    }
    for (const [form, text] of forms) needles.push({ label, form, bytes: Buffer.from(text) });
    if (base32) needles.push({ label, form: 'raw key bytes', bytes: base32Decode(value) });
  }
  return needles;
}

function base64Runs(buffer: Buffer): Buffer[] {
  const text = buffer.toString('latin1');
  const decoded: Buffer[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    const run = match[0];
    if (run.length < MIN_BASE64_RUN) continue;
    decoded.push(Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    // A run that starts mid-quantum decodes to garbage: try the other alignments too.
    for (const skip of [1, 2, 3])
      decoded.push(Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  return decoded;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export class LeakScanner {
  private readonly needles: Needle[];
  readonly findings: Finding[] = [];
  /** Every file looked at, zip members included: proof the scan saw the artifacts. */
  readonly scanned: string[] = [];

  constructor(secrets: readonly Secret[]) {
    this.needles = needlesOf(secrets);
  }

  scanBuffer(where: string, buffer: Buffer): void {
    this.scanned.push(where);
    this.search(where, buffer, '');
    for (const decoded of base64Runs(buffer)) this.search(where, decoded, ' (Base64-decoded)');
  }

  /** Every file under `dir`; zips are unpacked and their members scanned as well. */
  scanDirectory(dir: string): void {
    for (const path of filesUnder(dir)) {
      const buffer = readFileSync(path);
      this.scanBuffer(relative(dir, path), buffer);
      if (isZip(buffer)) this.scanZip(relative(dir, path), buffer);
    }
  }

  scanZip(where: string, zip: Buffer): void {
    for (const entry of zipEntries(zip)) {
      this.scanBuffer(`${where}!${entry.name}`, entry.data);
      if (isZip(entry.data)) this.scanZip(`${where}!${entry.name}`, entry.data);
    }
  }

  private search(where: string, haystack: Buffer, how: string): void {
    for (const needle of this.needles) {
      if (haystack.includes(needle.bytes)) {
        this.findings.push({ where: `${where}${how}`, secret: needle.label, form: needle.form });
      }
    }
  }
}
