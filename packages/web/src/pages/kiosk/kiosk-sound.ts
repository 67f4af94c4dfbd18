import type { KioskResult } from './kiosk-result';

/**
 * Tones by WebAudio (no audio files): a rising double beep for accepted, one short beep for
 * already checked in or stored offline, a low buzz for every refusal. The context is made on
 * the operator's first click (browsers start audio only after a gesture).
 */
let context: AudioContext | null = null;

export function unlockSound(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    context = null; // No audio on this machine: the screen still shows the result.
  }
}

function tone(at: number, frequency: number, seconds: number, type: OscillatorType): void {
  if (context === null) return;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.25, at);
  gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + seconds);
}

export function playResult(result: KioskResult): void {
  if (context === null) return;
  const now = context.currentTime;
  switch (result) {
    case 'accepted':
      tone(now, 880, 0.12, 'sine');
      tone(now + 0.14, 1320, 0.18, 'sine');
      return;
    case 'already_checked_in':
    case 'queued':
      tone(now, 660, 0.15, 'sine');
      return;
    case 'unknown_card':
    case 'lost_card':
    case 'not_registered':
    case 'invalid_qr':
    case 'unknown_session':
      tone(now, 180, 0.45, 'square');
  }
}
