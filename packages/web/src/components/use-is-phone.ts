import { useSyncExternalStore } from 'react';

/** Narrower than antd's `md` breakpoint (768 px): a phone held upright. */
export const phoneQuery = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(phoneQuery);
  list.addEventListener('change', onChange);
  return () => {
    list.removeEventListener('change', onChange);
  };
}

/**
 * A phone held upright. Read from the media query at the first render, so a phone never
 * renders (and never downloads) the wide layout first; antd's `Grid.useBreakpoint` knows
 * nothing until after mounting.
 */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(phoneQuery).matches,
    () => false,
  );
}
