/**
 * An Entra OATH token's serial number, manufacturer and model have no field of their own in
 * an account: the CSV import keeps them in its notes as one line,
 * "Serial number: 1234567 · Manufacturer: Contoso · Model: Token-X" (empty parts left out),
 * readable by a person and read back by the CSV export.
 */
export interface TokenInfo {
  serial: string;
  manufacturer: string;
  model: string;
}

const SEPARATOR = ' · ';
const LABELS: readonly [keyof TokenInfo, string][] = [
  ['serial', 'Serial number'],
  ['manufacturer', 'Manufacturer'],
  ['model', 'Model'],
];

export function formatTokenNotes(info: TokenInfo): string {
  return LABELS.filter(([key]) => info[key].trim() !== '')
    .map(([key, label]) => `${label}: ${info[key].trim()}`)
    .join(SEPARATOR);
}

/** The token info in notes written by `formatTokenNotes` (their first line), or null for any other notes. */
export function parseTokenNotes(notes: string): TokenInfo | null {
  const firstLine = notes.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine === '') return null;
  const info: TokenInfo = { serial: '', manufacturer: '', model: '' };
  for (const part of firstLine.split(SEPARATOR)) {
    const match = LABELS.find(([, label]) => part.startsWith(`${label}: `));
    if (!match) return null;
    info[match[0]] = part.slice(match[1].length + 2).trim();
  }
  return info;
}
