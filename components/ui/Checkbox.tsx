import type { ComponentChildren } from 'preact';

export interface CheckboxProps {
  checked: boolean;
  onChange(checked: boolean): void;
  children: ComponentChildren;
  disabled?: boolean;
  name?: string;
}

/** A checkbox with its label (the whole line is clickable). */
export function Checkbox({ checked, onChange, children, disabled, name }: CheckboxProps) {
  return (
    <label class="check">
      <input type="checkbox" name={name} checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{children}</span>
    </label>
  );
}
