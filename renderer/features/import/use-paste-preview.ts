/** Ask the library what a paste would import, a moment after the text stops changing. */
import { useEffect, useRef, useState } from 'react';
import type { PastePreview } from '../../../shared/contract';
import { request } from '../../api/client';

const DEBOUNCE_MS = 250;

export type PreviewState =
  | { status: 'empty' }
  | { status: 'loading'; previous: PastePreview | null }
  | { status: 'ready'; preview: PastePreview }
  | { status: 'error'; message: string };

export function usePastePreview(text: string): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'empty' });
  const ticket = useRef(0);

  useEffect(() => {
    const mine = ++ticket.current;
    if (!text.trim()) {
      setState({ status: 'empty' });
      return;
    }
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.preview : s.status === 'loading' ? s.previous : null }));
    const timer = setTimeout(() => {
      request('paste.preview', { text }).then(
        (preview) => {
          if (mine === ticket.current) setState({ status: 'ready', preview });
        },
        (err: unknown) => {
          if (mine === ticket.current) setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return state;
}
