/** Turn failed loads into a visible banner: the window must say when it could not read the library. */
import { useEffect } from 'react';
import { useNotices } from '../stores/notice-store';

export function useLoadErrors(errors: Array<Error | null>): void {
  const messages = errors.map((e) => e?.message ?? '').join('\n');
  useEffect(() => {
    for (const message of messages.split('\n')) {
      if (message) useNotices.getState().push({ kind: 'error', title: 'Lectern could not read the library.', detail: message });
    }
  }, [messages]);
}
