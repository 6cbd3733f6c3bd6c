/**
 * Renders React elements into the happy-dom document for renderer tests; importing this module
 * registers the unmount-after-each-test hook.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';
import { queryClient } from '../../renderer/api/query-client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Array<{ root: Root; container: HTMLElement }> = [];

afterEach(() => {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount());
    container.remove();
  }
  // Each test starts with an empty window cache, as a fresh window does.
  queryClient.clear();
});

/**
 * Render `node` into a new `<tag>` appended to the body.
 * @returns the container, and `render` to render again into the same root
 */
export function mount(node: ReactNode, tag: keyof HTMLElementTagNameMap = 'div'): { container: HTMLElement; render: (next: ReactNode) => void } {
  const container = document.createElement(tag);
  document.body.append(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  const render = (next: ReactNode) => act(() => root.render(next));
  render(node);
  return { container, render };
}
