export type ExportKind = 'backup' | 'otpauth-links' | 'entra-csv';

const FILES: Readonly<Record<ExportKind, { suffix: string; type: string }>> = {
  backup: { suffix: 'backup.json', type: 'application/json' },
  'otpauth-links': { suffix: 'links.txt', type: 'text/plain' },
  'entra-csv': { suffix: 'oath-tokens.csv', type: 'text/csv' },
};

/** A download name and MIME type, dated so several exports sort and do not overwrite each other. */
export function exportFile(kind: ExportKind, now: number = Date.now()): { fileName: string; type: string } {
  const date = new Date(now).toISOString().slice(0, 10);
  const { suffix, type } = FILES[kind];
  return { fileName: `mfa-autofill-${date}-${suffix}`, type };
}
