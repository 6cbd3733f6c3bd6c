/** The annotation list under the abstract: anchored annotations jump to their highlight; detached ones say so. */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/contract';
import { AnnotationList } from '../../renderer/features/annotations/annotation-list';
import { MarkedText } from '../../renderer/ui/marked-text';
import { mount } from './mount';

const base = { paperId: 1, colour: '#3fb06b', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const ANCHORED: Annotation = { ...base, id: 1, start: 4, end: 9, quote: 'quick', comment: 'fast', anchor: { start: 4, end: 9 } };
const DETACHED: Annotation = { ...base, id: 2, start: 20, end: 30, quote: 'lazy old dog', comment: '', colour: '#e0609a', anchor: null };

describe('AnnotationList', () => {
  it('lists anchored and detached annotations, each with its colour by name', () => {
    const { container } = mount(<AnnotationList annotations={[ANCHORED, DETACHED]} />);
    expect(container.querySelector('h3')?.textContent).toBe('Annotations (2)');
    const items = [...container.querySelectorAll('[data-testid="annotation"]')];
    expect(items.map((i) => i.querySelector('.annotation-quote')?.textContent)).toEqual(['“quick”', 'No longer in the abstract “lazy old dog”']);
    expect(items[0]?.querySelector('button.annotation-jump')).not.toBeNull();
    expect(items[1]?.querySelector('button.annotation-jump')).toBeNull();
    expect(items[1]?.classList.contains('is-detached')).toBe(true);
    expect(items.map((i) => i.querySelector('.note-footer .muted')?.textContent)).toEqual(['Green', 'Pink']);
    expect(container.textContent).toContain('one annotation’s quote is no longer in it. They are kept with their quotes.');
  });

  it('flashes the highlight when its quote is clicked', () => {
    mount(<MarkedText text="The quick brown fox" marks={[{ start: 4, end: 9, kind: 'annotation', id: 1, colour: '#3fb06b' }]} />, 'p');
    const { container } = mount(<AnnotationList annotations={[ANCHORED]} />);
    const mark = document.querySelector('mark[data-annotation-id="1"]') as HTMLElement;
    (mark as unknown as { scrollIntoView(): void }).scrollIntoView = () => {};
    act(() => (container.querySelector('button.annotation-jump') as HTMLButtonElement).click());
    expect(mark.classList.contains('is-flashing')).toBe(true);
  });
});
