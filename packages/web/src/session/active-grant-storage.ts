const activeGrantStorageKey = 'jijiao.activeRole';

export function readActiveGrantKey(): string | null {
  try {
    return window.localStorage.getItem(activeGrantStorageKey);
  } catch {
    return null;
  }
}

export function storeActiveGrantKey(key: string): void {
  try {
    window.localStorage.setItem(activeGrantStorageKey, key);
  } catch {
    // Storage disabled: the choice lasts until the page is reloaded.
  }
}
