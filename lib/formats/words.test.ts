import { describe, expect, it } from 'vitest';
import { describeImportProblem, describeImportSummary, describeNotice } from './describe';
import { english, german } from './english.testing';
import { list, plural, wordsFrom } from './words';

describe('plurals through Intl.PluralRules (keys foo_one / foo_other)', () => {
  it.each([
    [english, 1, 'Import the 1 valid account'],
    [english, 2, 'Import the 2 valid accounts'],
    [english, 0, 'Import the 0 valid accounts'],
    [german, 1, 'Das 1 gültige Konto importieren'],
    [german, 2, 'Die 2 gültigen Konten importieren'],
    [german, 0, 'Die 0 gültigen Konten importieren'],
  ])('%#: %s accounts', (words, count, text) => {
    expect(plural(words, 'importValidOnly', count)).toBe(text);
  });

  it('words an import summary in either language', () => {
    const summary = { added: 1, replaced: 2, skipped: 0, failed: 3 };
    expect(describeImportSummary(summary, english)).toBe('Added 1 account, 2 replaced, 3 skipped.');
    expect(describeImportSummary(summary, german)).toBe('1 Konto hinzugefügt, 2 ersetzt, 3 übersprungen.');
    // Rows already in the vault and rows with errors: both skipped, counted together.
    expect(describeImportSummary({ added: 2, replaced: 0, skipped: 1, failed: 1 }, english)).toBe(
      'Added 2 accounts, 2 skipped.',
    );
    expect(describeImportSummary({ ...summary, added: 5 }, german)).toMatch(/^5 Konten hinzugefügt/);
  });

  it('lists numbers as each language does', () => {
    expect(list(english, [1, 3])).toBe('1 and 3');
    expect(list(german, [1, 2, 3])).toBe('1, 2 und 3');
    expect(describeNotice({ code: 'missing-batch', size: 3, have: [1, 3], missing: [2] }, german)).toBe(
      'Google Authenticator hat diesen Export auf 3 QR-Codes verteilt, und dieser Import enthält die Codes 1 und 3: Importieren Sie auch Code 2.',
    );
  });

  it('substitutes as chrome.i18n.getMessage does: named placeholders, then $1…, and $$', () => {
    const words = wordsFrom(
      {
        price: {
          message: '$ITEM$ costs $$$AMOUNT$',
          placeholders: { item: { content: '$1' }, amount: { content: '$2' } },
        },
      },
      'en',
    );
    expect(words.t('price' as never, ['Tea', 3])).toBe('Tea costs $3');
    expect(words.t('missing' as never)).toBe('missing');
  });

  it('names the line in German too ("Zeile 3: …")', () => {
    expect(describeImportProblem({ code: 'json', line: 3, column: 7, problem: 'unexpected-end' }, german)).toBe(
      'Zeile 3: Diese Datei sieht wie JSON aus, ist aber kein gültiges JSON (Spalte 7: die Datei endet mitten in einem Wert).',
    );
  });
});
