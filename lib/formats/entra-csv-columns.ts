/**
 * The Entra OATH token CSV's columns, apart from its reader and writer (entra-csv.ts) so that
 * the pages can word "the first line must be …" without loading the CSV parser.
 */
/**
 * Entra ID → Multifactor authentication → OATH tokens: the upload's header, in its order
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */
export const ENTRA_CSV_COLUMNS = [
  'upn',
  'serial number',
  'secret key',
  'time interval',
  'manufacturer',
  'model',
] as const;
export type EntraColumn = (typeof ENTRA_CSV_COLUMNS)[number];

/** The header line the messages quote: ours, never the file's. */
export const ENTRA_CSV_HEADER = ENTRA_CSV_COLUMNS.join(',');
