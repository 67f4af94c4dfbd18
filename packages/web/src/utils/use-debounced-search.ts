import { useEffect, useState } from 'react';

/**
 * What a search box sends: the typed text, trimmed, once typing has paused for `ms`.
 * Returns the setter for the box and the settled query.
 */
export function useDebouncedSearch(ms = 300): [setTyped: (text: string) => void, q: string] {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQ(typed.trim());
    }, ms);
    return () => {
      window.clearTimeout(timer);
    };
  }, [typed, ms]);
  return [setTyped, q];
}
