import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { AddField } from './AddField';
import { ChipList } from './ChipList';

export interface ListEditorProps {
  label: string;
  name?: string;
  placeholder?: string;
  items: readonly string[];
  onAdd(item: string): void;
  onRemove(item: string): void;
  /** Why a typed item cannot be added, or null. */
  validate?(item: string): string | null;
}

/** A list of strings as removable chips, with a field to add one. */
export function ListEditor({ label, name, placeholder, items, onAdd, onRemove, validate }: ListEditorProps) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const item = value.trim();
    if (!item) return;
    const problem = items.some((i) => i.toLowerCase() === item.toLowerCase()) ? t('duplicate') : (validate?.(item) ?? null);
    setError(problem);
    if (problem) return;
    onAdd(item);
    setValue('');
  };

  return (
    <div class="editor">
      <AddField
        label={label}
        name={name}
        placeholder={placeholder}
        value={value}
        error={error}
        inputRef={input}
        onInput={(v) => {
          setValue(v);
          setError(null);
        }}
        onSubmit={submit}
      />
      <ChipList
        label={label}
        chips={items.map((item) => ({ key: item, name: item, content: <span class="text">{item}</span> }))}
        onRemove={(item) => {
          onRemove(item);
          input.current?.focus();
        }}
      />
    </div>
  );
}
