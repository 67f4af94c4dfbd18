import type { SwipeResultCode } from '@jijiao/contracts';
import type { MessageKey } from '../../i18n/message-key';

/** What the screen shows after a swipe: the server's answer, or `queued` when offline. */
export type KioskResult = SwipeResultCode | 'queued';

export const resultLook: Readonly<
  Record<KioskResult, { message: MessageKey; color: string; background: string }>
> = {
  accepted: { message: 'kiosk.result.accepted', color: '#fff', background: '#389e0d' },
  already_checked_in: {
    message: 'kiosk.result.already_checked_in',
    color: '#fff',
    background: '#1677ff',
  },
  unknown_card: { message: 'kiosk.result.unknown_card', color: '#fff', background: '#cf1322' },
  lost_card: { message: 'kiosk.result.lost_card', color: '#fff', background: '#cf1322' },
  not_registered: { message: 'kiosk.result.not_registered', color: '#fff', background: '#d46b08' },
  invalid_qr: { message: 'kiosk.result.invalid_qr', color: '#fff', background: '#cf1322' },
  unknown_session: {
    message: 'kiosk.result.unknown_session',
    color: '#fff',
    background: '#cf1322',
  },
  queued: { message: 'kiosk.result.queued', color: '#000', background: '#fadb14' },
};
