/**
 * On a fresh load with nothing selected, select the first author whose profile was imported, so the
 * window opens the way the last import left it (that author's card in the detail pane) instead of
 * asking the user to choose. Runs once per page load, and only when the saved prefs do not say which
 * author (or the whole library) the window was last on: a cleared scope stays cleared after a reload.
 */
import { useEffect, useRef } from 'react';
import { useChannel } from '../../api/use-channel';
import { savedScopeKnown } from '../../stores/prefs';
import { useUi } from '../../stores/ui-store';

export function useFirstProfileOnLoad(): void {
  const authors = useChannel('authors.list', { profilesOnly: true });
  const settled = useRef(false);
  const prefsLoaded = useUi((s) => s.prefsLoaded);
  useEffect(() => {
    if (settled.current || authors.data === null || !prefsLoaded) return;
    settled.current = true;
    if (savedScopeKnown()) return;
    const first = authors.data[0];
    const ui = useUi.getState();
    if (first && ui.selectedAuthorId === null && ui.selectedPaperId === null) ui.selectAuthor(first.id);
  }, [authors.data, prefsLoaded]);
}
