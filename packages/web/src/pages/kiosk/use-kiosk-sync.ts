import { useCallback, useEffect, useRef, useState } from 'react';
import type { Swipe } from '@jijiao/contracts';
import { isApiError } from '../../api/errors';
import { newClientId } from './client-id';
import { postSwipes } from './kiosk-api';
import type { KioskResult } from './kiosk-result';
import { OfflineQueue } from './offline-queue';

export interface SwipeShown {
  result: KioskResult;
  personNameMasked: string | null;
  /** Changes with every swipe, so the same result twice still re-renders. */
  clientId: string;
}

const flushEveryMs = 5_000;

/**
 * Swipes go to IndexedDB first, then to the server. When the server cannot be reached the
 * swipe stays queued (the screen says so) and is resent in batches when the browser is back
 * online, or every few seconds; the server answers a resend as the first time.
 */
export function useKioskSync(token: string, onUnauthorised: () => void) {
  const queue = useRef<Promise<OfflineQueue> | null>(null);
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(() => navigator.onLine);
  const flushing = useRef(false);

  const openQueue = useCallback(() => (queue.current ??= OfflineQueue.open()), []);
  const refreshCount = useCallback(async () => {
    setPending(await (await openQueue()).count());
  }, [openQueue]);

  const handleError = useCallback(
    (error: unknown): boolean => {
      if (isApiError(error, 'device_unauthorised')) {
        onUnauthorised();
        return true;
      }
      return isApiError(error, 'network_error') || (isApiError(error) && error.status >= 500);
    },
    [onUnauthorised],
  );

  const flush = useCallback(async () => {
    if (flushing.current || !navigator.onLine) return;
    flushing.current = true;
    try {
      const q = await openQueue();
      for (;;) {
        const batch = await q.pending(500);
        if (batch.length === 0) break;
        const outcomes = await postSwipes(token, batch);
        await q.remove(outcomes.map((o) => o.clientId));
        if (batch.length < 500) break;
      }
    } catch (error) {
      if (!handleError(error)) throw error;
    } finally {
      flushing.current = false;
      await refreshCount();
    }
  }, [handleError, openQueue, refreshCount, token]);

  const submit = useCallback(
    async (sessionId: string, code: string): Promise<SwipeShown> => {
      const isToken = code.startsWith('v1.');
      const swipe: Swipe = {
        clientId: newClientId(),
        sessionId,
        swipedAt: new Date().toISOString(),
        ...(isToken ? { qrToken: code } : { cardNumber: code }),
      };
      const q = await openQueue();
      await q.add(swipe);
      const queued: SwipeShown = {
        result: 'queued',
        personNameMasked: null,
        clientId: swipe.clientId,
      };
      if (!navigator.onLine) {
        await refreshCount();
        return queued;
      }
      try {
        const [outcome] = await postSwipes(token, [swipe]);
        await q.remove([swipe.clientId]);
        await refreshCount();
        if (!outcome) return queued;
        return {
          result: outcome.result,
          personNameMasked: outcome.personNameMasked,
          clientId: swipe.clientId,
        };
      } catch (error) {
        await refreshCount();
        if (handleError(error)) return queued;
        // A refusal of the request itself (say a malformed code): drop it, show unknown.
        await q.remove([swipe.clientId]);
        await refreshCount();
        return { result: 'unknown_card', personNameMasked: null, clientId: swipe.clientId };
      }
    },
    [handleError, openQueue, refreshCount, token],
  );

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      void flush();
    };
    const goOffline = () => {
      setOnline(false);
    };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    const timer = window.setInterval(() => {
      setOnline(navigator.onLine);
      void flush();
    }, flushEveryMs);
    void flush();
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      window.clearInterval(timer);
    };
  }, [flush]);

  return { submit, pending, online };
}
