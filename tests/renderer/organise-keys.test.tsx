/** The organise keys stay out of text fields, dialogs and menus; the row menu lists each key. */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { keysTaken } from '../../renderer/features/organise/use-organise-shortcuts';
import { marksWords } from '../../renderer/features/organise/marks-filter';
import { TagChips } from '../../renderer/features/organise/tag-chip';
import { mount } from './mount';

describe('keysTaken', () => {
  it('is true in inputs, text areas, selects, editable text, dialogs and menus, and false on a table row', () => {
    const { container } = mount(
      <div>
        <input data-k="input" />
        <textarea data-k="textarea" />
        <select data-k="select" />
        <div contentEditable data-k="editable" suppressContentEditableWarning />
        <div role="dialog">
          <button type="button" data-k="in-dialog" />
        </div>
        <ul role="menu">
          <li>
            <button type="button" data-k="in-menu" />
          </li>
        </ul>
        <table>
          <tbody>
            <tr tabIndex={0} data-k="row">
              <td />
            </tr>
          </tbody>
        </table>
      </div>,
    );
    const at = (k: string) => container.querySelector(`[data-k="${k}"]`);
    expect(['input', 'textarea', 'select', 'in-dialog', 'in-menu', 'row'].map((k) => keysTaken(at(k)))).toEqual([true, true, true, true, true, false]);
    expect(keysTaken(null)).toBe(false);
  });
});

describe('marksWords', () => {
  it('says the marks filters in words', () => {
    expect(marksWords({ status: null, ratingMin: null, starred: null })).toBeNull();
    expect(marksWords({ status: 'reading', ratingMin: 4, starred: true })).toBe('reading, rated 4+, starred');
    expect(marksWords({ status: null, ratingMin: 5, starred: false })).toBe('rated 5, not starred');
  });
});

describe('TagChips', () => {
  it('shows every tag by name, with its colour as a tint and a ring for a tag without one', () => {
    const { container } = mount(
      <TagChips
        tags={[
          { id: 1, name: 'method/rl', colour: '#3fa37a' },
          { id: 2, name: 'survey', colour: null },
        ]}
      />,
    );
    act(() => undefined);
    const chips = [...container.querySelectorAll('.tag-chip')];
    expect(chips.map((c) => c.textContent)).toEqual(['method/rl', 'survey']);
    expect(chips[0]?.getAttribute('style')).toBe('--tag-colour: #3fa37a;');
    expect(chips[1]?.querySelector('.tag-dot-none')).not.toBeNull();
    expect(container.querySelector('.cell-tags')?.getAttribute('title')).toBe('method/rl, survey');
  });
});
