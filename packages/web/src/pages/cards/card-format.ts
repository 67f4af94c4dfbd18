import { cardNumberSchema, type CardStatus } from '@jijiao/contracts';

/** Fen to yuan as printed on a receipt: 2500 → "25", 2550 → "25.50". */
export function feeYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

/** Null when the typed number is a card number as the server reads it (spaces dropped, upper case). */
export function cardNumberProblem(typed: string): 'invalid' | null {
  return cardNumberSchema.safeParse(typed).success ? null : 'invalid';
}

export const statusColour: Record<CardStatus, string> = {
  blank: 'default',
  active: 'green',
  lost: 'red',
};
