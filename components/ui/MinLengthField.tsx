import { useEffect, useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

const MAX = 10000;

/** "Hide comments shorter than [N] characters (0: off)"; saved when the field is left or Enter is pressed. */
export function MinLengthField({ value, onChange }: { value: number; onChange(n: number): void }) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);

  const commit = () => {
    const n = Number(text.trim() || '0');
    if (!Number.isInteger(n) || n < 0 || n > MAX) {
      setText(String(value)); // not a length: back to the saved one
      return;
    }
    if (n !== value) onChange(n);
  };

  return (
    <div class="editor">
      <label class="label" for={id}>
        {t('minLengthLabel')}
      </label>
      <div class="row min-length">
        <input
          id={id}
          name="minLength"
          class="field"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX}
          step={10}
          value={text}
          aria-describedby={`${id}-unit`}
          onInput={(e) => setText(e.currentTarget.value)}
          onChange={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <span id={`${id}-unit`} class="muted">
          {t('minLengthUnit')}
        </span>
      </div>
    </div>
  );
}
