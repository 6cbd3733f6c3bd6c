/**
 * Focus goes back where the user was (ui/focus-return.ts): the control that opened a popover, the
 * same control drawn anew, a preferred control drawn later, the nearest control still there; never
 * the page's body, and never taken from where the user has put it meanwhile.
 */
import { act, useEffect, useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureFocus, claimFocus, guardFocus, restoreFocus, useFocusReturn, type FocusTarget } from '../../renderer/ui/focus-return';
import { mount } from './mount';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const active = () => document.activeElement;
const byKey = (key: string) => document.querySelector<HTMLElement>(`[data-k="${key}"]`);

afterEach(() => {
  (document.activeElement as HTMLElement | null)?.blur?.();
});

/** A button that opens a popover whose field takes focus (as the tag picker and the editors do). */
function Opener({ prefer, hideOpener = false }: { prefer?: FocusTarget; hideOpener?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      {open && hideOpener ? null : (
        <button type="button" data-k="opener" data-focus-key="opener" onClick={() => setOpen(true)}>
          Open
        </button>
      )}
      {open ? <Popover prefer={prefer} onClose={() => setOpen(false)} /> : null}
      <button type="button" data-k="elsewhere">
        Elsewhere
      </button>
    </div>
  );
}

function Popover({ prefer, onClose }: { prefer?: FocusTarget; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useFocusReturn(true, { prefer });
  useEffect(() => input.current?.focus(), []);
  return (
    <div role="dialog">
      <input ref={input} data-k="field" />
      <button type="button" data-k="close" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

describe('useFocusReturn', () => {
  it('gives focus back to the control that opened it when it closes', async () => {
    mount(<Opener />);
    byKey('opener')?.focus();
    act(() => byKey('opener')?.click());
    expect(active()).toBe(byKey('field'));
    await act(async () => byKey('close')?.click());
    expect(byKey('field')).toBeNull();
    expect(active()).toBe(byKey('opener'));
  });

  it('finds the opener drawn anew when the old one went while it was open (its data-focus-key)', async () => {
    mount(<Opener hideOpener />);
    const first = byKey('opener');
    first?.focus();
    act(() => first?.click());
    expect(byKey('opener')).toBeNull();
    await act(async () => byKey('close')?.click());
    const again = byKey('opener');
    expect(again).not.toBe(first);
    expect(active()).toBe(again);
  });

  it('leaves focus where the user put it meanwhile', async () => {
    mount(<Opener />);
    byKey('opener')?.focus();
    act(() => byKey('opener')?.click());
    byKey('elsewhere')?.focus();
    await act(async () => byKey('close')?.click());
    expect(active()).toBe(byKey('elsewhere'));
  });

  it('moves to a preferred control once it is drawn (a saved note after the refetch)', async () => {
    const { container } = mount(<Opener prefer='[data-k="saved"]' />);
    byKey('opener')?.focus();
    act(() => byKey('opener')?.click());
    await act(async () => byKey('close')?.click());
    // Not drawn yet: the opener holds focus meanwhile, never the body.
    expect(active()).toBe(byKey('opener'));
    const saved = document.createElement('button');
    saved.dataset.k = 'saved';
    container.append(saved);
    await wait(100);
    expect(active()).toBe(saved);
  });

  it('gives focus back when the component holding it unmounts while open', async () => {
    const { render } = mount(<Opener />);
    byKey('opener')?.focus();
    act(() => byKey('opener')?.click());
    render(<Opener key="new" />);
    await act(async () => wait(0));
    expect(active()).toBe(byKey('opener'));
  });
});

describe('restoreFocus', () => {
  it('falls back to the nearest control still drawn when the origin and its key are gone', () => {
    const { container } = mount(
      <section>
        <ul data-k="list">
          <li>
            <button type="button" data-k="gone">
              Delete me
            </button>
          </li>
          <li>
            <button type="button" data-k="next">
              Next
            </button>
          </li>
        </ul>
      </section>,
    );
    byKey('gone')?.focus();
    const origin = captureFocus();
    byKey('gone')?.closest('li')?.remove();
    expect(active()).toBe(document.body);
    restoreFocus(origin);
    expect(active()).toBe(byKey('next'));
    expect(container.contains(active())).toBe(true);
  });

  it('does not put focus on a row that now shows another paper, but on that paper’s row', () => {
    mount(
      <table>
        <tbody>
          <tr tabIndex={0} data-paper-id="7" data-k="row0" />
          <tr tabIndex={-1} data-paper-id="8" data-k="row1" />
        </tbody>
      </table>,
    );
    const row0 = byKey('row0') as HTMLElement;
    row0.focus();
    const origin = captureFocus();
    row0.blur();
    // The table redrew: the first row element now shows paper 9, and paper 7 moved to the second one.
    row0.setAttribute('data-paper-id', '9');
    byKey('row1')?.setAttribute('data-paper-id', '7');
    restoreFocus(origin);
    expect(active()).toBe(byKey('row1'));
  });

  it('uses an explicit fallback before guessing, and the main view as the last resort', () => {
    mount(
      <>
        <main tabIndex={-1} data-k="main" />
        <button type="button" data-k="fallback" />
      </>,
    );
    restoreFocus(null, { fallback: '[data-k="fallback"]' });
    expect(active()).toBe(byKey('fallback'));
    byKey('fallback')?.blur();
    restoreFocus(null);
    expect(active()).toBe(byKey('main'));
  });
});

describe('guardFocus', () => {
  it('moves focus off a control that is removed or disabled, to the nearest one left', async () => {
    const stop = guardFocus();
    try {
      mount(
        <>
          <div role="toolbar">
            <button type="button" data-k="first">
              Year
            </button>
            <button type="button" data-k="clear">
              Clear filters
            </button>
          </div>
          <main tabIndex={-1} data-k="main" />
        </>,
      );
      byKey('clear')?.focus();
      byKey('clear')?.remove();
      await wait(150);
      expect(active()).toBe(byKey('first'));
      (byKey('first') as HTMLButtonElement).disabled = true;
      await wait(150);
      expect(active()).toBe(byKey('main'));
    } finally {
      stop();
    }
  });

  it('waits while a control has claimed focus (a table row still loading after Page Down)', async () => {
    const stop = guardFocus();
    try {
      mount(
        <>
          <button type="button" data-k="header" />
          <div data-k="rows">
            <button type="button" data-k="row" />
          </div>
        </>,
      );
      byKey('row')?.focus();
      const release = claimFocus();
      byKey('row')?.remove();
      await wait(150);
      expect(active()).toBe(document.body);
      const next = document.createElement('button');
      byKey('rows')?.append(next);
      next.focus();
      release();
      expect(active()).toBe(next);
    } finally {
      stop();
    }
  });

  it('leaves the body alone when the user clicked away from a control that is still there', async () => {
    const stop = guardFocus();
    try {
      const { container } = mount(<button type="button" data-k="kept" />);
      byKey('kept')?.focus();
      byKey('kept')?.blur();
      container.append(document.createElement('span'));
      await wait(150);
      expect(active()).toBe(document.body);
    } finally {
      stop();
    }
  });
});
