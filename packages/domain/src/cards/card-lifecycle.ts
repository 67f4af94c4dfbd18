/**
 * An IC card (学分卡): a number in a bureau's stock (blank), bound to one person (active),
 * then reported lost (lost: refused at once at every kiosk). A lost card is replaced by a
 * reissue with a new number; no number is ever bound twice.
 */
export type CardStatusCode = 'blank' | 'active' | 'lost';
export type CardAction = 'bind' | 'report_loss' | 'reissue';
export type CardActionProblem = 'wrong_status' | 'has_active_card';

/** How a card came to its holder. */
export type CardChannel = 'order' | 'purchase' | 'reissue';

const allowedFrom: Readonly<Record<CardAction, CardStatusCode>> = {
  bind: 'blank',
  report_loss: 'active',
  reissue: 'lost',
};

/**
 * Whether `action` may happen to a card in `status`. Binding (by an order or a direct
 * purchase) needs a blank card and a person without an active card; a reissue replaces a
 * lost card (the person's active card, if they got one meanwhile, blocks it too).
 */
export function checkCardAction(
  status: CardStatusCode,
  action: CardAction,
  holderHasActiveCard: boolean,
): CardActionProblem | null {
  if (status !== allowedFrom[action]) return 'wrong_status';
  if ((action === 'bind' || action === 'reissue') && holderHasActiveCard) return 'has_active_card';
  return null;
}

/** Card numbers: 6 to 20 digits or capital letters, as printed on the card and typed by readers. */
export const cardNumberPattern = /^[0-9A-Z]{6,20}$/;

/** The stored form of a typed or scanned number: trimmed, inner spaces dropped, upper case. */
export function normaliseCardNumber(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function isCardNumber(input: string): boolean {
  return cardNumberPattern.test(input);
}

/** A fee in yuan as integer fen, exact (25 → 2500, 12.5 → 1250). */
export function yuanToFen(yuan: number): number {
  if (!Number.isFinite(yuan) || yuan < 0) throw new RangeError(`not a fee: ${yuan}`);
  return Math.round(yuan * 100);
}
