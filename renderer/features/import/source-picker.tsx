/**
 * Which source the paste is read as: the detection in words ("Google Scholar profile, sure") and a list
 * of every source to read it as another one when detection is wrong. Choosing one reads the paste again
 * with that source (the preview and the import use the same choice).
 */
import { useEffect, useId, useState } from 'react';
import type { FormatId } from '../../../shared/paste/paste-format';
import type { PastePreview } from '../../../shared/contract';
import { request } from '../../api/client';

type Choices = PastePreview['choices'];

/** The sources to choose from, asked of the library once per window. */
let cached: Promise<Choices> | null = null;
function loadChoices(): Promise<Choices> {
  cached ??= request('paste.formats', {}).catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

/**
 * The "Read as" list.
 * @param chosen the source the user picked, or null to let Lectern detect it
 * @param onChoose called with the new choice (null: detect again)
 */
export function SourcePicker({ chosen, onChoose, disabled }: { chosen: FormatId | null; onChoose: (format: FormatId | null) => void; disabled?: boolean }) {
  const [choices, setChoices] = useState<Choices>([]);
  const id = useId();
  useEffect(() => {
    let live = true;
    loadChoices().then(
      (c) => live && setChoices(c),
      () => live && setChoices([]),
    );
    return () => {
      live = false;
    };
  }, []);
  if (choices.length === 0) return null;
  return (
    <div className="source-picker">
      <label htmlFor={id} className="field-label">
        Read as
      </label>
      <select
        id={id}
        className="input source-select"
        value={chosen ?? ''}
        disabled={disabled}
        onChange={(e) => onChoose(e.target.value === '' ? null : (e.target.value as FormatId))}
        data-testid="source-picker"
      >
        <option value="">The detected source</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
