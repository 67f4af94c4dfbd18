import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { roles } from '@jijiao/contracts';

/** The cookie the web app sets to the role whose home `/` showed last (a hint, not a grant). */
export const homeHintCookie = 'jijiao_home';

/** index.html as sent: the text and its compressed forms. */
export interface HtmlVariant {
  text: string;
  br: Buffer;
  gzip: Buffer;
}

/** What the server knows of a request for a page of the web app. */
export interface PageRequest {
  /** The path without the query. */
  path: string;
  cookies: Readonly<Record<string, string | undefined>>;
  userAgent: string | undefined;
  /** The `Sec-CH-UA-Mobile` client hint: `?1` on a phone. */
  mobileHint: string | undefined;
}

const mobileAgent = /Mobi|Android|iPhone/;

/**
 * The first view a page request will most likely render, by the names of the web build's
 * `route-preloads.json` (packages/web/vite-route-preloads.ts), or null: the certificate
 * page, the sign-in page, or `/` signed in: the home of the role this browser last saw,
 * else a learner's on a phone (only learners have a phone layout, and most users are
 * learners). `/` without a session goes to sign in.
 */
export function firstViewOf(request: PageRequest, sessionCookie: string): string | null {
  if (/^\/verify(\/[^/]*)?$/.test(request.path)) return 'verify';
  if (request.path === '/login') return 'login';
  if (request.path !== '/') return null;
  if (request.cookies[sessionCookie] === undefined) return 'login';
  const hint = roles.find((role) => role === request.cookies[homeHintCookie]);
  if (hint !== undefined) return `home:${hint}`;
  const phone = request.mobileHint === '?1' || mobileAgent.test(request.userAgent ?? '');
  return phone ? 'home:learner' : null;
}

function variant(text: string): HtmlVariant {
  return {
    text,
    br: zlib.brotliCompressSync(text, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }),
    gzip: zlib.gzipSync(text, { level: 9 }),
  };
}

function readPreloads(webDist: string): Record<string, string[]> {
  const file = path.join(webDist, 'route-preloads.json');
  if (!fs.existsSync(file)) return {};
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) return {};
  const preloads: Record<string, string[]> = {};
  for (const [view, files] of Object.entries(parsed)) {
    if (
      Array.isArray(files) &&
      files.every((f) => typeof f === 'string' && /^\/[\w./~-]+$/.test(f))
    )
      preloads[view] = files as string[];
  }
  return preloads;
}

/**
 * index.html once per first view, made at start: the plain page, and for each view the
 * same page naming that view's modules as `modulepreload` links (ADR 0030), so the browser
 * fetches them beside the shell rather than after it has run.
 */
export function loadFirstViewHtml(webDist: string, indexHtml: string) {
  const plain = variant(indexHtml);
  const byView = new Map<string, HtmlVariant>();
  for (const [view, files] of Object.entries(readPreloads(webDist))) {
    const links = files
      .map((file) => `<link rel="modulepreload" crossorigin href="${file}">`)
      .join('');
    byView.set(view, variant(indexHtml.replace('</head>', `${links}</head>`)));
  }
  return {
    /** The page for this view, the plain page for none or a view the build did not list. */
    htmlFor(view: string | null): HtmlVariant {
      return (view !== null && byView.get(view)) || plain;
    },
  };
}
