import type { ConflictChoice, ConflictChoices } from '@/lib/formats';
import type { PreviewConflict } from '@/lib/formats/preview';
import { t } from '@/utils/i18n';

const CHOICES: readonly ConflictChoice[] = ['keep', 'replace', 'rename'];

// Each key written out as a t() call: the locale tests find the keys in use that way.
function choiceLabel(choice: ConflictChoice): string {
  switch (choice) {
    case 'keep':
      return t('conflictKeep');
    case 'replace':
      return t('conflictReplace');
    case 'rename':
      return t('conflictRename');
  }
}

/**
 * One name an import shares with the vault or an earlier row, as a question with three answers
 * (keep what the vault has by default), in the popup's QR preview and the options page's import.
 */
export function ImportConflict({
  conflict,
  choices,
  onChoice,
  group,
  where = '',
}: {
  conflict: PreviewConflict;
  choices: ConflictChoices;
  onChoice: (row: number, choice: ConflictChoice) => void;
  /** Names the radio groups, unique on the page. */
  group: string;
  /** Where the row is in the file, shown before the question; empty for none. */
  where?: string;
}) {
  return (
    <fieldset class="conflict">
      <legend>
        {where ? `${where}: ` : ''}
        {conflict.with === 'vault'
          ? t('conflictWithVault', [conflict.name, conflict.existingName])
          : t('conflictEarlierInFile', [conflict.name, conflict.existingName])}
      </legend>
      {CHOICES.map((choice) => (
        <label class="check" key={choice}>
          <input
            type="radio"
            name={`${group}-${conflict.row}`}
            checked={(choices[conflict.row] ?? 'keep') === choice}
            onChange={() => onChoice(conflict.row, choice)}
          />
          {choiceLabel(choice)}
        </label>
      ))}
    </fieldset>
  );
}
