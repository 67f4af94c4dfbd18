import type { FastifyInstance } from 'fastify';
import { createApp, type AppOptions } from './app';
import type { Config } from './platform/config/config';
import { openDatabase, type Database } from './platform/db/database';
import { argon2Hasher } from './platform/auth/password-hasher';
import { seedDemo, type DemoSeedResult } from './modules/demo/demo.service';
import { completeDemo } from './modules/demo/demo-at-start';
import { ensureDemoPlatformKey } from './modules/demo/demo-platform';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  demo: DemoSeedResult | undefined;
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations, seeds the demo province into an empty database
 * in demo mode (never otherwise), and listens.
 */
export async function startServer(
  config: Config,
  options: Pick<AppOptions, 'logTo'> = {},
): Promise<RunningServer> {
  const database = await openDatabase(config.database, 'jijiao start');
  try {
    await database.migrate();
    const demo = config.demo.enabled ? await seedDemo(database, config, argon2Hasher) : undefined;
    if (demo?.seeded === true) await completeDemo(database, config);
    await ensureDemoPlatformKey(database, config);
    const app = await createApp({ config, database, startWorkers: true, ...options });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let closed = false;
    return {
      app,
      database,
      demo,
      url: `${config.tls ? 'https' : 'http'}://localhost:${port}`,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
