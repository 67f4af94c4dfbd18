import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers (helmet's), worked out once at start-up and set on every answer.
 * `@fastify/helmet` builds a new helmet middleware for every request (its CSP parsing
 * alone was ~3 % of a learner's-year request); the headers never vary here, so they are
 * computed by running helmet once against a recording response.
 */
export function securityHeadersOf(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failed: Error | undefined;
  helmet(options)(
    Object.create(null) as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) failed = error instanceof Error ? error : new Error('helmet refused its options');
    },
  );
  if (failed) throw failed;
  return Object.fromEntries(headers);
}

/**
 * What a content-hashed script, style or image under `/assets/` keeps: the headers that
 * govern how it is fetched and sniffed. The document-only ones (CSP, frame denial, referrer,
 * opener and the rest) act on the HTML page and the API's answers, not on a script the page
 * has already allowed; on a phone they were ~1 kB of every asset's response (ADR 0022).
 */
const assetHeaderNames = [
  'x-content-type-options',
  'cross-origin-resource-policy',
  'strict-transport-security',
] as const;

export function assetHeadersOf(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    assetHeaderNames.flatMap((name) => {
      const value = headers[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>) {
  const headers = securityHeadersOf(options);
  const assetHeaders = assetHeadersOf(headers);
  app.addHook('onRequest', (request, reply, done) => {
    // A missing asset is answered as an error (JSON): it gets the full set.
    reply.headers(request.url.startsWith('/assets/') ? assetHeaders : headers);
    done();
  });
}
