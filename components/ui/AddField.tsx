import type { ComponentChildren, RefObject } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface AddFieldProps {
  label: string;
  /** The field's name (a stable handle for tests and autofill). */
  name?: string;
  placeholder?: string;
  value: string;
  onInput(value: string): void;
  onSubmit(): void;
  /** Shown under the field (and the field marked invalid) while not null. */
  error: string | null;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** More controls between the field and the Add button (a mode select). */
  extra?: ComponentChildren;
}

/** A labelled text field with an Add button; Enter adds too. */
export function AddField({ label, name, placeholder, value, onInput, onSubmit, error, inputRef, extra }: AddFieldProps) {
  const id = useId();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label class="label" for={`${id}-in`}>
        {label}
      </label>
      <div class="row">
        <input
          ref={inputRef}
          id={`${id}-in`}
          name={name}
          class="field"
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder={placeholder}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        {extra}
        <button class="btn" type="submit">
          {t('add')}
        </button>
      </div>
      {error && (
        <p id={`${id}-err`} class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
