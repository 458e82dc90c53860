import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { NewPassphraseFields } from '@/components/NewPassphraseFields';
import { useNewPassphrase } from '@/hooks/useNewPassphrase';

const LABELS = { passphrase: 'Passphrase for the backup', confirmation: 'Confirm passphrase for the backup' };

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(errors?: { passphrase?: string | null; confirmation?: string | null }) {
  let typed = { passphrase: '', confirmation: '' };
  function Form() {
    const fields = useNewPassphrase();
    typed = fields.value;
    return <NewPassphraseFields value={fields.value} onChange={fields.change} labels={LABELS} errors={errors} />;
  }
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<Form />, container));
  return { typed: () => typed };
}

/** The input a label names, found as assistive technology does: through the label's `for`. */
function inputNamed(name: string): HTMLInputElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === name);
  const input = label && container.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`);
  if (!input) throw new Error(`no input labelled "${name}"`);
  return input;
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('NewPassphraseFields', () => {
  it('names both password fields as told and keeps what is typed in each', () => {
    const form = mount();
    const passphrase = inputNamed(LABELS.passphrase);
    const confirmation = inputNamed(LABELS.confirmation);
    for (const input of [passphrase, confirmation]) {
      expect(input.type).toBe('password');
      expect(input.getAttribute('autocomplete')).toBe('new-password');
    }
    type(passphrase, 'first words');
    type(confirmation, 'second words');
    expect(form.typed()).toEqual({ passphrase: 'first words', confirmation: 'second words' });
  });

  it("ties an error to its own field only, announced as an alert the field's description names", () => {
    mount({ confirmation: 'The two passphrases do not match.' });
    const confirmation = inputNamed(LABELS.confirmation);
    expect(confirmation.getAttribute('aria-invalid')).toBe('true');
    const described = container.querySelector(`#${CSS.escape(confirmation.getAttribute('aria-describedby') ?? '')}`);
    expect(described?.getAttribute('role')).toBe('alert');
    expect(described?.textContent).toBe('The two passphrases do not match.');
    expect(inputNamed(LABELS.passphrase).hasAttribute('aria-invalid')).toBe(false);
  });
});
