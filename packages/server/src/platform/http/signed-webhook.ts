import { createHmac } from 'node:crypto';

/**
 * What the outboxes that POST to a receiver share (the HR push, ADR 0012, and the SMS /
 * WeChat gateway, ADR 0038): the headers, the signature the receiver recomputes, the backoff.
 */
export const deliveryHeader = 'x-jijiao-delivery';
export const signatureHeader = 'x-jijiao-signature';
export const eventHeader = 'x-jijiao-event';

/** Seconds before attempt n+1 after n failed ones: 30 s doubling, at most an hour. */
export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, failedAttempts - 1), 3600);
}

/** `sha256=<hex>` HMAC of the raw body: what the receiver recomputes with its secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface SignedPost {
  url: string;
  secret: string;
  deliveryId: string;
  event: string;
  body: string;
  signal: AbortSignal;
}

/** POSTs a signed JSON body; answers the receiver's status (throws when unreachable). */
export async function postSigned(post: SignedPost): Promise<number> {
  const response = await fetch(post.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [deliveryHeader]: post.deliveryId,
      [eventHeader]: post.event,
      [signatureHeader]: signBody(post.secret, post.body),
    },
    body: post.body,
    redirect: 'error',
    signal: post.signal,
  });
  await response.body?.cancel();
  return response.status;
}
