/** A set of keys with a toggle (the collapsed branches of a sidebar tree). */
import { useCallback, useState } from 'react';

export function useToggleSet<K>(): [ReadonlySet<K>, (key: K) => void] {
  const [keys, setKeys] = useState<ReadonlySet<K>>(new Set());
  const toggle = useCallback(
    (key: K) =>
      setKeys((current) => {
        const next = new Set(current);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  return [keys, toggle];
}
