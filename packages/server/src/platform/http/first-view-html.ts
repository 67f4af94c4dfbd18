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

/** Compressed hard once (a page kept for the server's life) or quickly (one per request). */
function variant(text: string, once = true): HtmlVariant {
  return {
    text,
    br: zlib.brotliCompressSync(text, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: once ? 11 : 5 },
    }),
    gzip: zlib.gzipSync(text, { level: once ? 9 : 6 }),
  };
}

/** What the web build says a first view needs (packages/web/vite-route-preloads.ts). */
interface ViewPreloads {
  modules: string[];
  /**
   * API paths; `{year}` stands for the credit year the page will show, `{serial}` for the
   * certificate serial in the page's path.
   */
  fetches: string[];
  /** Stylesheets: the view's antd styles rendered at build time (ADR 0037). */
  styles: string[];
}

const safeModule = /^\/[\w./~-]+$/;
const safeFetch = /^\/api\/v1\/[\w/.{}-]+$/;
const isStrings = (value: unknown, pattern: RegExp): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && pattern.test(v));

/** The build's list; a view whose entry is malformed is left out (its page names nothing). */
function readPreloads(webDist: string): Map<string, ViewPreloads> {
  const views = new Map<string, ViewPreloads>();
  const file = path.join(webDist, 'route-preloads.json');
  if (!fs.existsSync(file)) return views;
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) return views;
  for (const [view, entry] of Object.entries(parsed)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const {
      modules,
      fetches = [],
      styles = [],
    } = entry as { modules?: unknown; fetches?: unknown; styles?: unknown };
    if (
      isStrings(modules, safeModule) &&
      isStrings(fetches, safeFetch) &&
      isStrings(styles, safeModule)
    )
      views.set(view, { modules, fetches, styles });
  }
  return views;
}

/**
 * index.html per first view (ADR 0030): the plain page, and for each view the same page
 * naming that view's modules as `modulepreload` links and its first API reads as `preload`
 * links (credentials as the app's own requests, so the app's fetch takes the answer), so
 * the browser fetches them beside the shell rather than after it has run. Made once per
 * view and year, with their compressed forms; a page naming a certificate's read is made
 * per request.
 */
export function loadFirstViewHtml(webDist: string, indexHtml: string) {
  const plain = variant(indexHtml);
  const views = readPreloads(webDist);
  const made = new Map<string, HtmlVariant>();
  return {
    /**
     * The page for this view: for a page showing `year` (the reads' `{year}`) and, where
     * the path names one, the certificate `serial`; the plain page for none or a view the
     * build did not list. A read whose `{serial}` the path does not give is left out.
     */
    htmlFor(view: string | null, { year, serial }: { year: number; serial?: string }): HtmlVariant {
      const preloads = view === null ? undefined : views.get(view);
      if (preloads === undefined) return plain;
      const perSerial = preloads.fetches.some((api) => api.includes('{serial}'));
      const key = `${view ?? ''}@${String(year)}`;
      const kept = perSerial ? undefined : made.get(key);
      if (kept) return kept;
      // The reads first: small, and the page waits on them as much as on its modules.
      const reads = preloads.fetches
        .filter((api) => serial !== undefined || !api.includes('{serial}'))
        .map((api) => api.replaceAll('{year}', String(year)).replaceAll('{serial}', serial ?? ''))
        .map((api) => `<link rel="preload" as="fetch" crossorigin href="${api}">`)
        .join('');
      // The view's antd styles: the runtime reads their cache-path map and skips generating
      // them (ADR 0037); in <head>, so they are in before the app's first render.
      const stylesheets = preloads.styles
        .map((file) => `<link rel="stylesheet" href="${file}">`)
        .join('');
      const modules = preloads.modules
        .map((file) => `<link rel="modulepreload" crossorigin href="${file}">`)
        .join('');
      const text = indexHtml
        .replace('<head>', `<head>${reads}`)
        .replace('</head>', `${stylesheets}${modules}</head>`);
      if (perSerial) return variant(text, false);
      // One per view and year: a handful over a server's life.
      const html = variant(text);
      made.set(key, html);
      return html;
    },
  };
}
