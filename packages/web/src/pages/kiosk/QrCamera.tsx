import { useEffect, useRef } from 'react';
import jsQR from 'jsqr';

/**
 * The kiosk camera, read a few times a second with jsQR; `onCode` gets each QR text (the
 * same text again only after a pause, so one phone held up is one swipe).
 */
export function QrCamera({
  onCode,
  onError,
}: {
  onCode: (code: string) => void;
  onError: (error: unknown) => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let last = { code: '', at: 0 };

    const scan = () => {
      const v = video.current;
      if (stopped || !v || !context) return;
      if (v.readyState >= v.HAVE_ENOUGH_DATA && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        context.drawImage(v, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(image.data, image.width, image.height, {
          inversionAttempts: 'dontInvert',
        });
        const now = Date.now();
        if (found?.data && (found.data !== last.code || now - last.at > 3_000)) {
          last = { code: found.data, at: now };
          latest.current(found.data);
        }
      }
      timer = window.setTimeout(scan, 200);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        scan();
      })
      .catch(onError);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onError]);

  return (
    <video
      ref={video}
      muted
      playsInline
      data-testid="kiosk-camera"
      style={{ width: 320, maxWidth: '40vw', borderRadius: 8, transform: 'scaleX(-1)' }}
    />
  );
}
