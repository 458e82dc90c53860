import { useState } from 'preact/hooks';

/** A passphrase being chosen, typed twice: the background compares the two as well. */
export interface NewPassphrase {
  passphrase: string;
  confirmation: string;
}

const EMPTY: NewPassphrase = { passphrase: '', confirmation: '' };

/** The state of a pair of new-passphrase fields; `clear` once the passphrase was used. */
export function useNewPassphrase() {
  const [value, setValue] = useState<NewPassphrase>(EMPTY);
  return {
    value,
    // A functional update: two inputs before a render must not undo each other.
    change: (part: Partial<NewPassphrase>) => setValue((old) => ({ ...old, ...part })),
    clear: () => setValue(EMPTY),
  };
}
