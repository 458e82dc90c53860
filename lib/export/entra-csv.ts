import Papa from 'papaparse';
import type { Account } from '../accounts';
import { ENTRA_CSV_COLUMNS, FORMULA_START } from '../import/entra-csv';
import { parseTokenNotes } from '../import/token-notes';

export type CsvExportAccount = Pick<Account, 'name' | 'secret' | 'digits' | 'period' | 'algorithm' | 'notes'>;

export interface CsvExport {
  text: string;
  /** Accounts the format cannot hold (Entra OATH tokens are 6-digit SHA1), with why, to tell the user. */
  leftOut: { name: string; reason: string }[];
}

/**
 * The Entra OATH token CSV, the format our import reads and Entra's upload takes. Serial
 * number, manufacturer and model come back from notes the CSV import wrote; other accounts
 * get them empty — inventing serials would be worse, and Entra's upload asks for them.
 * A cell a spreadsheet would run as a formula (an account named "=HYPERLINK(…)" from some
 * imported file) is written with a leading apostrophe, as OWASP's "CSV Injection" advises;
 * the import takes it off again.
 */
export function exportEntraCsv(accounts: readonly CsvExportAccount[]): CsvExport {
  const rows: string[][] = [];
  const leftOut: CsvExport['leftOut'] = [];
  for (const account of accounts) {
    if (account.digits !== 6 || account.algorithm !== 'SHA1') {
      leftOut.push({
        name: account.name,
        reason: `Entra OATH tokens make 6-digit SHA1 codes; this account makes ${account.digits}-digit ${account.algorithm} codes.`,
      });
      continue;
    }
    const token = parseTokenNotes(account.notes) ?? { serial: '', manufacturer: '', model: '' };
    rows.push([account.name, token.serial, account.secret, String(account.period), token.manufacturer, token.model]);
  }
  // CRLF, as Excel writes it and RFC 4180 specifies. Papaparse's own `escapeFormulae: true`
  // pattern (/^[=+\-@\t\r].*$/) misses a cell whose formula is followed by a line break.
  const text = Papa.unparse(
    { fields: [...ENTRA_CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return { text: `${text}\r\n`, leftOut };
}
