import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Flex, Select, Typography } from 'antd';
import { useIsPhone } from '../../components/use-is-phone';
import type { KioskSessions } from '@jijiao/contracts';
import { useT } from '../../i18n/use-t';
import { currentSession } from './current-session';
import { resultLook } from './kiosk-result';
import { playResult } from './kiosk-sound';
import { QrCamera } from './QrCamera';
import { useKioskSync, type SwipeShown } from './use-kiosk-sync';

const resultShownMs = 4_000;

/**
 * The check-in screen. A USB card reader (keyboard emulation) or a QR scanner types into the
 * always-focused field and ends with Enter; the camera reads a learner's QR code.
 */
export function KioskStation({
  token,
  kiosk,
  onUnauthorised,
  onLeave,
}: {
  token: string;
  kiosk: KioskSessions;
  onUnauthorised: () => void;
  onLeave: () => void;
}) {
  const { t } = useT();
  const [sessionId, setSessionId] = useState(
    () => currentSession(kiosk.sessions, new Date())?.id ?? '',
  );
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<SwipeShown | null>(null);
  const [camera, setCamera] = useState(false);
  const [cameraProblem, setCameraProblem] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { submit, pending, online } = useKioskSync(token, onUnauthorised);
  const session = kiosk.sessions.find((s) => s.id === sessionId);

  const swipe = useCallback(
    async (text: string) => {
      const value = text.trim();
      if (value === '' || sessionId === '') return;
      const outcome = await submit(sessionId, value);
      playResult(outcome.result);
      setShown(outcome);
    },
    [sessionId, submit],
  );

  useEffect(() => {
    if (shown === null) return;
    const timer = window.setTimeout(() => {
      setShown(null);
    }, resultShownMs);
    return () => {
      window.clearTimeout(timer);
    };
  }, [shown]);

  // Keep the field focused: a card reader types wherever the focus is.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.activeElement?.tagName !== 'INPUT') input.current?.focus();
    }, 1_000);
    return () => {
      window.clearInterval(timer);
    };
  }, []);

  const onCameraError = useCallback(() => {
    setCameraProblem(true);
    setCamera(false);
  }, []);

  const look = shown ? resultLook[shown.result] : null;
  // A phone held up at the door (its camera scanning QR codes) gets the same station,
  // wrapped to its width and in smaller type.
  const isPhone = useIsPhone();
  const edge = isPhone ? 16 : 32;
  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#001529', color: '#fff' }}>
      <Flex
        justify="space-between"
        align="center"
        gap={16}
        wrap
        style={{ padding: `${isPhone ? 12 : 16}px ${String(edge)}px` }}
      >
        <div>
          <div style={{ fontSize: isPhone ? 22 : 32, fontWeight: 600 }} data-testid="kiosk-project">
            {kiosk.project.name}
          </div>
          <div style={{ fontSize: isPhone ? 14 : 18, opacity: 0.8 }}>
            {kiosk.project.hostName} · {kiosk.project.number} · {kiosk.device.name}
          </div>
        </div>
        <Flex gap={12} align="center" wrap style={isPhone ? { width: '100%' } : undefined}>
          <Select
            size="large"
            style={isPhone ? { flex: 1, minWidth: 0 } : { minWidth: 360 }}
            aria-label={t('kiosk.session')}
            value={sessionId || undefined}
            placeholder={t('kiosk.session')}
            onChange={setSessionId}
            options={kiosk.sessions.map((s) => ({
              value: s.id,
              label: `${s.date} ${s.startTime}–${s.endTime} ${s.place}`,
            }))}
          />
          <Button
            size="large"
            onClick={() => {
              void document.documentElement.requestFullscreen().catch(() => undefined);
            }}
          >
            {t('kiosk.fullScreen')}
          </Button>
          <Button size="large" onClick={onLeave}>
            {t('kiosk.leave')}
          </Button>
        </Flex>
      </Flex>

      <Flex
        vertical
        align="center"
        justify="center"
        gap={24}
        style={{
          flex: 1,
          margin: `0 ${String(edge)}px`,
          padding: isPhone ? 16 : 0,
          textAlign: 'center',
          borderRadius: 16,
          background: look?.background ?? '#0a2540',
          color: look?.color ?? '#fff',
          transition: 'background 120ms',
        }}
        data-testid="kiosk-result"
        data-result={shown?.result ?? 'idle'}
      >
        {kiosk.sessions.length === 0 ? (
          <div style={{ fontSize: 48 }}>{t('kiosk.noSessions')}</div>
        ) : shown && look ? (
          <>
            <div style={{ fontSize: isPhone ? 48 : 96, fontWeight: 700 }}>{t(look.message)}</div>
            {shown.personNameMasked !== null && (
              <div style={{ fontSize: isPhone ? 40 : 72 }} data-testid="kiosk-person">
                {shown.personNameMasked}
              </div>
            )}
          </>
        ) : (
          <>
            <div style={{ fontSize: isPhone ? 44 : 88, fontWeight: 700 }}>{t('kiosk.prompt')}</div>
            {session && (
              <div style={{ fontSize: isPhone ? 20 : 36 }}>
                {t('kiosk.sessionLine', {
                  date: session.date,
                  start: session.startTime,
                  end: session.endTime,
                  place: session.place,
                  hours: session.hours,
                })}
              </div>
            )}
          </>
        )}
      </Flex>

      <Flex
        justify="space-between"
        align="center"
        gap={16}
        wrap
        style={{ padding: `16px ${String(edge)}px` }}
      >
        <form
          style={isPhone ? { width: '100%' } : undefined}
          onSubmit={(event) => {
            event.preventDefault();
            const value = code;
            setCode('');
            void swipe(value);
          }}
        >
          <input
            ref={input}
            autoFocus
            autoComplete="off"
            aria-label={t('kiosk.cardInput')}
            placeholder={t('kiosk.cardInput')}
            data-testid="kiosk-input"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
            }}
            style={{
              fontSize: isPhone ? 22 : 28,
              padding: '8px 16px',
              width: isPhone ? '100%' : 420,
              boxSizing: 'border-box',
              borderRadius: 8,
              border: 'none',
              color: '#000',
            }}
          />
        </form>
        <Flex gap={16} align="center" wrap>
          {camera && <QrCamera onCode={(c) => void swipe(c)} onError={onCameraError} />}
          <Button
            size="large"
            onClick={() => {
              setCameraProblem(false);
              setCamera(!camera);
            }}
          >
            {camera ? t('kiosk.cameraOff') : t('kiosk.cameraOn')}
          </Button>
          {cameraProblem && (
            <Typography.Text type="warning">{t('kiosk.cameraProblem')}</Typography.Text>
          )}
          <span style={{ fontSize: 20 }} data-testid="kiosk-network" data-online={String(online)}>
            {online ? t('kiosk.online') : t('kiosk.offline')}
          </span>
          <span style={{ fontSize: 20 }} data-testid="kiosk-pending" data-count={pending}>
            {t('kiosk.pending', { count: pending })}
          </span>
        </Flex>
      </Flex>
    </Flex>
  );
}
