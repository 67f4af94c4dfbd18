import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import { AppError } from '../errors/app-error';

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

function readIfExists(file: string): Buffer | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/**
 * Plugins that register routes of their own (the API docs, the built web app) are
 * mounted in a context that declares those routes public, so the route guard's rule
 * "every route declares a permission" holds for them too.
 */
export async function registerPublicPlugins(app: FastifyInstance, webDist: string): Promise<void> {
  await app.register(async (child) => {
    child.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: route.config?.permission ?? 'public' };
    });
    await child.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list' },
    });
    if (fs.existsSync(path.join(webDist, 'index.html'))) {
      await child.register(fastifyStatic, {
        root: webDist,
        wildcard: false,
        index: ['index.html'],
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
  const compressedIndex = {
    br: readIfExists(`${indexPath}.br`),
    gzip: readIfExists(`${indexPath}.gz`),
  };

  // Client-side routes of the single-page app fall back to index.html; unknown API paths are 404.
  app.setNotFoundHandler((request, reply) => {
    // A missing build asset is a 404 too: answering it with index.html would blank the page.
    if (
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      !request.url.startsWith('/assets/')
    ) {
      void reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'Accept-Encoding');
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      const compressed = encoding && compressedIndex[encoding];
      if (encoding && compressed)
        return reply.header('content-encoding', encoding).send(compressed);
      return reply.send(indexHtml);
    }
    throw new AppError(
      'not_found',
      `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    );
  });
}
