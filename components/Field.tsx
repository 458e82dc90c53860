import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password';
  error?: string | null;
  autoFocus?: boolean;
  autoComplete?: string;
  hint?: ComponentChildren;
  placeholder?: string;
  spellcheck?: boolean;
}

/** A labelled text input whose error is announced (role="alert") and tied to it (aria-invalid, aria-describedby). */
export function Field({
  label,
  value,
  onInput,
  type = 'text',
  error,
  autoFocus,
  autoComplete,
  hint,
  placeholder,
  spellcheck,
}: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type={type as 'text'}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        autoFocus={autoFocus}
        autoComplete={autoComplete ?? 'off'}
        placeholder={placeholder}
        spellcheck={spellcheck ?? false}
      />
      {hint ? (
        <p id={hintId} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface SelectProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

export function Select<T extends string | number>({ label, value, options, onChange }: SelectProps<T>) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        onChange={(e) => {
          const raw = (e.currentTarget as HTMLSelectElement).value;
          const picked = options.find((o) => String(o.value) === raw);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
