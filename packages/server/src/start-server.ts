import type { FastifyInstance } from 'fastify';
import { createApp, type AppOptions } from './app';
import type { Config } from './platform/config/config';
import { openDatabase, type Database } from './platform/db/database';
import { argon2Hasher } from './platform/auth/password-hasher';
import { seedDemo, type DemoSeedResult } from './modules/demo/demo.service';
import { completeDemo } from './modules/demo/demo-at-start';
import { ensureDemoPlatformKey } from './modules/demo/demo-platform';
import { Lifecycle, stopWithin } from './platform/http/lifecycle';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  demo: DemoSeedResult | undefined;
  /** Closes at once: the listener, the requests in flight, the background work, the pool. */
  close(): Promise<void>;
  /**
   * The graceful shutdown of SIGTERM and SIGINT (ADR 0040): ready answers 503 at once, the
   * listener stays open `config.shutdown.delayMs`, then `close()`; answers `timed_out` when
   * that took longer than `config.shutdown.timeoutMs` (the caller exits anyway).
   */
  shutdown(): Promise<'closed' | 'timed_out'>;
}

export interface StartOptions extends Pick<AppOptions, 'logTo'> {
  /** Run the background work in this process (default); web-only processes leave it to workers. */
  workers?: boolean;
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Opens the database, applies migrations, seeds the demo province into an empty database
 * in demo mode (never otherwise), and listens.
 */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const database = await openDatabase(config.database, 'jijiao start');
  try {
    await database.migrate();
    // Several servers starting together on an empty database seed the demo once.
    const demo = await database.exclusive('demo-seed', async () => {
      const seeded = config.demo.enabled
        ? await seedDemo(database, config, argon2Hasher)
        : undefined;
      if (seeded?.seeded === true) await completeDemo(database, config);
      await ensureDemoPlatformKey(database, config);
      return seeded;
    });
    const lifecycle = new Lifecycle();
    const { workers = true, ...appOptions } = options;
    const app = await createApp({
      config,
      database,
      startWorkers: workers,
      lifecycle,
      ...appOptions,
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        await app.close();
        await database.close();
      })();
      return closing;
    };
    return {
      app,
      database,
      demo,
      url: `${config.tls ? 'https' : 'http'}://localhost:${port}`,
      close,
      shutdown() {
        lifecycle.beginShutdown();
        return stopWithin(config.shutdown.timeoutMs, async () => {
          await sleep(config.shutdown.delayMs);
          await close();
        });
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
