import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import { AppError } from '../errors/app-error';

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
      });
    }
  });

  const indexPath = path.join(webDist, 'index.html');
  const indexHtml = fs.existsSync(indexPath)
    ? fs.readFileSync(indexPath, 'utf8')
    : '<!doctype html><meta charset="utf-8"><title>继教 Jijiao</title><p>The web app is not built: run <code>npm run build</code>, then start again.</p>';

  // Client-side routes of the single-page app fall back to index.html; unknown API paths are 404.
  app.setNotFoundHandler((request, reply) => {
    // A missing build asset is a 404 too: answering it with index.html would blank the page.
    if (
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      !request.url.startsWith('/assets/')
    ) {
      return reply.type('text/html; charset=utf-8').send(indexHtml);
    }
    throw new AppError(
      'not_found',
      `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    );
  });
}
