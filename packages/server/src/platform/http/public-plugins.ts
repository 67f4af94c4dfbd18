import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import { AppError } from '../errors/app-error';
import { sessionCookieName } from '../auth/session-cookie';
import { chinaYear, type Clock } from '../clock';
import { firstViewOf, loadFirstViewHtml } from './first-view-html';

/** Vite's output directory of content-hashed files: a name changes whenever its content does. */
const hashedAssetsDir = 'assets';
const immutable = 'public, max-age=31536000, immutable';

/** Hashed assets are cached for a year; index.html and other unhashed files are revalidated. */
function cacheControlOf(webDist: string, filePath: string): string {
  const [top] = path.relative(webDist, filePath).split(path.sep);
  return top === hashedAssetsDir ? immutable : 'no-cache';
}

/** `br`, `gzip` or identity by Accept-Encoding (q=0 refuses a coding). */
function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q === undefined || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([coding]) => coding?.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/**
 * Plugins that register routes of their own (the API docs, the built web app) are
 * mounted in a context that declares those routes public, so the route guard's rule
 * "every route declares a permission" holds for them too.
 */
export async function registerPublicPlugins(
  app: FastifyInstance,
  webDist: string,
  cookieSecure: boolean,
  clock: Clock,
  /** Whether `/api/docs` is served (config `apiDocs`: off by default in production). */
  apiDocs: boolean,
): Promise<void> {
  await app.register(async (child) => {
    child.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: route.config?.permission ?? 'public' };
    });
    if (apiDocs)
      await child.register(swaggerUi, {
        routePrefix: '/api/docs',
        uiConfig: { docExpansion: 'list' },
      });
    // A hashed asset is never revalidated (immutable): its validators and range support
    // are bytes on each of the dozens of requests a first view makes on a phone network.
    child.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith(`/${hashedAssetsDir}/`) && reply.statusCode === 200) {
        reply.removeHeader('etag');
        reply.removeHeader('last-modified');
        reply.removeHeader('accept-ranges');
      }
    });
    if (fs.existsSync(path.join(webDist, 'index.html'))) {
      await child.register(fastifyStatic, {
        root: webDist,
        wildcard: false,
        // `/` is index.html with the likely home's modules named (below), not the file.
        index: false,
        // The build writes .br and .gz next to each compressible file (vite-precompress.ts).
        preCompressed: true,
        cacheControl: false,
        setHeaders: (res, filePath) => {
          res.setHeader('cache-control', cacheControlOf(webDist, filePath));
          res.setHeader('vary', 'Accept-Encoding');
        },
      });
    }
  });

  const indexPath = path.join(webDist, 'index.html');
  const indexHtml = fs.existsSync(indexPath)
    ? fs.readFileSync(indexPath, 'utf8')
    : '<!doctype html><meta charset="utf-8"><title>继教 Jijiao</title><p>The web app is not built: run <code>npm run build</code>, then start again.</p>';
  const pages = loadFirstViewHtml(webDist, indexHtml);
  const sessionCookie = sessionCookieName(cookieSecure);

  // Client-side routes of the single-page app fall back to index.html; unknown API paths are 404.
  app.setNotFoundHandler((request, reply) => {
    // A missing build asset is a 404 too: answering it with index.html would blank the page.
    if (
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      !request.url.startsWith('/assets/')
    ) {
      const [pathname = '/', search = ''] = request.url.split('?');
      // The year a page shows: the one it is asked for (`?year=`), else this credit year.
      const asked = /(?:^|&)year=(\d{4})(?:&|$)/.exec(search)?.[1];
      const html = pages.htmlFor(
        firstViewOf(
          {
            path: pathname,
            cookies: request.cookies,
            userAgent: request.headers['user-agent'],
            mobileHint: request.headers['sec-ch-ua-mobile'] as string | undefined,
          },
          sessionCookie,
        ),
        {
          year: asked ? Number(asked) : chinaYear(clock.now()),
          // A serial as certificates print it; anything else is not named in the page.
          serial: /^\/verify\/([A-Za-z0-9-]{1,64})$/.exec(pathname)?.[1],
        },
      );
      void reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        // The modules it names follow the session and home cookies and the device.
        .header('vary', 'Accept-Encoding, Cookie, User-Agent, Sec-CH-UA-Mobile');
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      if (encoding) return reply.header('content-encoding', encoding).send(html[encoding]);
      return reply.send(html.text);
    }
    throw new AppError(
      'not_found',
      `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    );
  });
}
