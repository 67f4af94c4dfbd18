import { useCallback, useEffect, useState } from 'react';
import type { KioskSessions } from '@jijiao/contracts';
import { isApiError } from '../../api/errors';
import { PageLoading } from '../../components/PageState';
import { useT } from '../../i18n/use-t';
import { fetchKioskSessions } from './kiosk-api';
import { unlockSound } from './kiosk-sound';
import { KioskSetup } from './KioskSetup';
import { KioskStation } from './KioskStation';

const tokenKey = 'jijiao.kiosk.deviceToken';
const sessionsKey = 'jijiao.kiosk.sessions';

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the kiosk works until the page is reloaded.
  }
}

/**
 * `/kiosk`: a check-in station, signed in by a device token (kept in this browser), not by a
 * user. The token may also arrive as `#token=…` (a fragment never reaches a server log). The
 * project's sessions are kept too, so a kiosk reloaded while offline still works.
 */
export function KioskPage() {
  const { t } = useT();
  const [token, setToken] = useState<string | null>(() => {
    const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (fromHash) {
      store(tokenKey, fromHash);
      window.history.replaceState(null, '', window.location.pathname);
    }
    return fromHash ?? stored(tokenKey);
  });
  const [kiosk, setKiosk] = useState<KioskSessions | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (candidate: string) => {
      setBusy(true);
      try {
        const sessions = await fetchKioskSessions(candidate);
        store(tokenKey, candidate);
        store(sessionsKey, JSON.stringify(sessions));
        setToken(candidate);
        setKiosk(sessions);
        setProblem(null);
      } catch (error) {
        const cached = stored(sessionsKey);
        if (isApiError(error, 'network_error') && cached !== null) {
          setToken(candidate);
          setKiosk(JSON.parse(cached) as KioskSessions);
          return;
        }
        store(tokenKey, null);
        setToken(null);
        setKiosk(null);
        setProblem(
          isApiError(error, 'device_unauthorised')
            ? t('errors.device_unauthorised')
            : t('errors.network_error'),
        );
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  useEffect(() => {
    if (token !== null && kiosk === null) void load(token);
    // Only on first render: later tokens come through `load` itself.
  }, []);

  const forget = useCallback(() => {
    store(tokenKey, null);
    store(sessionsKey, null);
    setToken(null);
    setKiosk(null);
  }, []);
  const unauthorised = useCallback(() => {
    forget();
    setProblem(t('errors.device_unauthorised'));
  }, [forget, t]);

  if (token !== null && kiosk === null && problem === null) return <PageLoading />;
  if (token === null || kiosk === null)
    return (
      <KioskSetup
        problem={problem}
        busy={busy}
        onStart={(candidate) => {
          unlockSound();
          void load(candidate);
        }}
      />
    );
  return (
    <div onClickCapture={unlockSound}>
      <KioskStation token={token} kiosk={kiosk} onUnauthorised={unauthorised} onLeave={forget} />
    </div>
  );
}
