import { describeImportProblem, describeInvalidRow, describeNotice } from '../describe';
import { english } from '../english.testing';
import type { ImportParse } from '../types';

/**
 * Seeded inputs for the importers' fuzz tests (docs/ARCHITECTURE.md, 'Testing'): the same seed gives the same
 * inputs on every machine, so a failure names an input that can be replayed.
 */
export function randomFrom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  // mulberry32
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Characters that matter to some parser: separators, quotes, escapes, line breaks, BOM, NUL, surrogates, digits. */
const ALPHABET = [
  ...'{}[]":,;\\/\n\r\t =&?#%+-_.@\'',
  ...'0123456789abcdefABCDEFxyzXYZ234567',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\uD800',
  'é',
  '🔑',
  'otpauth://totp/',
  'otpauth-migration://offline?data=',
  'secret=',
  '99999999999999999999',
  '-1',
  '1e308',
  'null',
  'true',
  '"totp"',
  '"hotp"',
];

export function randomText(random: (n: number) => number, maxLength = 400): string {
  let text = '';
  const length = random(maxLength);
  while (text.length < length) text += ALPHABET[random(ALPHABET.length)];
  return text;
}

/** One random edit of a text: flip, insert, delete, duplicate, truncate, or a long run of one character. */
export function mutateText(text: string, random: (n: number) => number): string {
  const at = random(text.length + 1);
  const span = 1 + random(Math.max(1, Math.min(64, text.length)));
  switch (random(7)) {
    case 0:
      return text.slice(0, at) + (ALPHABET[random(ALPHABET.length)] ?? '') + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + (ALPHABET[random(ALPHABET.length)] ?? '') + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + span);
    case 3:
      return text.slice(0, at) + text.slice(at, at + span) + text.slice(at);
    case 4:
      return text.slice(0, at);
    case 5:
      return text.slice(0, at) + (ALPHABET[random(ALPHABET.length)] ?? '').repeat(1 + random(2000)) + text.slice(at);
    default: {
      const from = random(text.length + 1);
      return text.slice(0, at) + text.slice(from, from + span) + text.slice(at + span);
    }
  }
}

/** A random JSON value, sometimes deep or large. */
function randomJson(random: (n: number) => number, depth = 0): unknown {
  switch (random(depth > 3 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return [0, -1, 1, 6, 8, 30, 60, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, Number.MAX_SAFE_INTEGER][random(13)];
    case 2:
      return random(2) === 0;
    case 3:
      return randomText(random, 40);
    case 4:
      return ['totp', 'hotp', 'steam', 'PBKDF2', 'SHA-256', 'SHA1', 'EncOTPStorage', 'Key', 'mfa-autofill-backup'][
        random(9)
      ];
    case 5:
      return Array.from({ length: random(4) }, () => randomJson(random, depth + 1));
    case 6:
      return Object.fromEntries(
        Array.from({ length: random(4) }, () => [randomText(random, 8), randomJson(random, depth + 1)]),
      );
    default:
      return '['.repeat(random(5000));
  }
}

/** Replaces one value somewhere in a JSON document with a random one (a structural edit). */
export function mutateJson(value: unknown, random: (n: number) => number): unknown {
  if (value === null || typeof value !== 'object' || random(4) === 0) return randomJson(random);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0 || random(8) === 0) {
    (copy as Record<string, unknown>)[randomText(random, 6) || 'x'] = randomJson(random);
    return copy;
  }
  const key = keys[random(keys.length)] as string;
  const record = copy as Record<string, unknown>;
  if (random(10) === 0) delete record[key];
  else record[key] = mutateJson(record[key], random);
  return copy;
}

/** What every fuzzed parse must be: a result or a typed problem, each worded without an exception. */
export function outcomeProblem(parse: ImportParse): string | null {
  if (parse.error !== null) {
    if (typeof parse.error.code !== 'string') return 'an error without a code';
    if (describeImportProblem(parse.error, english).trim() === '') return `no words for ${parse.error.code}`;
    if (parse.valid.length + parse.invalid.length > 0) return 'rows beside a whole-file error';
  }
  for (const row of parse.invalid) {
    if (row.problems.length === 0) return 'an invalid row without a problem';
    for (const line of describeInvalidRow(row, english)) if (line.trim() === '') return 'an empty row message';
  }
  for (const notice of parse.notices) describeNotice(notice, english);
  return null;
}

export interface FuzzReport {
  inputs: number;
  failures: string[];
  /** Inputs over the CPU-time bound on three runs in a row (a slow input is re-run: a GC pause is not a hang). */
  slow: string[];
  heapGrowthBytes: number;
}

const SLOW_MS = 100;

/**
 * CPU time this process spent, in ms. A hang is work, not waiting: on a loaded machine (a 2-core
 * CI runner with browsers beside it) wall-clock time of an 82×82 decode reached 160 ms three times
 * in a row while its CPU time stayed a fraction of that, so wall-clock bounds failed for load alone.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/**
 * Runs `parse` on every input; records wrong outcomes, thrown exceptions, inputs that take more
 * than 100 ms of CPU time, and how far the heap (JS objects plus array buffers) grew above where
 * it started.
 */
export async function fuzz<T>(
  inputs: Iterable<T>,
  parse: (input: T) => Promise<ImportParse> | ImportParse,
  show: (input: T) => string,
): Promise<FuzzReport> {
  const heap = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const baseline = heap();
  let peak = baseline;
  const report: FuzzReport = { inputs: 0, failures: [], slow: [], heapGrowthBytes: 0 };
  for (const input of inputs) {
    report.inputs++;
    const timed = async () => {
      const started = cpuMs();
      const outcome = await parse(input);
      return { outcome, ms: cpuMs() - started };
    };
    try {
      let { outcome, ms } = await timed();
      for (let again = 0; ms > SLOW_MS && again < 2; again++) ({ outcome, ms } = await timed());
      if (ms > SLOW_MS) report.slow.push(`${ms.toFixed(0)} ms: ${show(input)}`);
      const wrong = outcomeProblem(outcome);
      if (wrong) report.failures.push(`${wrong}: ${show(input)}`);
    } catch (error) {
      report.failures.push(`threw ${String(error)}: ${show(input)}`);
    }
    if (report.inputs % 250 === 0) peak = Math.max(peak, heap());
    if (report.failures.length > 5) break;
  }
  report.heapGrowthBytes = Math.max(peak, heap()) - baseline;
  return report;
}

/** `count` inputs: a quarter random text, the rest one to four edits of a seed. */
export function* textInputs(seeds: readonly string[], count: number, seed: number): Generator<string> {
  const random = randomFrom(seed);
  for (let i = 0; i < count; i++) {
    if (i % 4 === 0) {
      yield randomText(random);
      continue;
    }
    let text = seeds[random(seeds.length)] as string;
    for (let edits = 1 + random(4); edits > 0; edits--) text = mutateText(text, random);
    yield text;
  }
}

export function* jsonInputs(seeds: readonly unknown[], count: number, seed: number): Generator<string> {
  const random = randomFrom(seed);
  const texts = seeds.map((s) => JSON.stringify(s, null, 2));
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      let value = seeds[random(seeds.length)];
      for (let edits = 1 + random(3); edits > 0; edits--) value = mutateJson(value, random);
      yield JSON.stringify(value) ?? 'null';
    } else {
      let text = texts[random(texts.length)] as string;
      for (let edits = 1 + random(3); edits > 0; edits--) text = mutateText(text, random);
      yield text;
    }
  }
}

export const short = (text: string) => JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text);
