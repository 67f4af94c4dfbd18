import type { Swipe } from '@jijiao/contracts';

/**
 * Swipes not yet acknowledged by the server, in the browser's IndexedDB: every swipe is
 * stored here before it is sent and removed once the server has answered, so a dropped
 * network or a reload loses nothing. Each keeps its client id: a resend never counts twice.
 */
const databaseName = 'jijiao-kiosk';
const storeName = 'pending-swipes';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('IndexedDB request failed'));
    };
  });
}

function completed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => {
      resolve();
    };
    transaction.onerror = () => {
      reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    };
    transaction.onabort = () => {
      reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    };
  });
}

export class OfflineQueue {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(): Promise<OfflineQueue> {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(storeName, { keyPath: 'clientId' });
    };
    return new OfflineQueue(await promised(request));
  }

  async add(swipe: Swipe): Promise<void> {
    const transaction = this.db.transaction(storeName, 'readwrite');
    transaction.objectStore(storeName).put(swipe);
    await completed(transaction);
  }

  /** The oldest first (by the time of the swipe), at most `limit`. */
  async pending(limit = 500): Promise<Swipe[]> {
    const transaction = this.db.transaction(storeName, 'readonly');
    const all = await promised(transaction.objectStore(storeName).getAll() as IDBRequest<Swipe[]>);
    return all.sort((a, b) => a.swipedAt.localeCompare(b.swipedAt)).slice(0, limit);
  }

  async count(): Promise<number> {
    const transaction = this.db.transaction(storeName, 'readonly');
    return promised(transaction.objectStore(storeName).count());
  }

  async remove(clientIds: readonly string[]): Promise<void> {
    if (clientIds.length === 0) return;
    const transaction = this.db.transaction(storeName, 'readwrite');
    const store = transaction.objectStore(storeName);
    for (const id of clientIds) store.delete(id);
    await completed(transaction);
  }
}
