import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { wrapPglite, wrapPool } from '../src/platform/db/database';
import { seedDemo } from '../src/modules/demo/demo.service';
import { seedTestCertificates } from './certificate-fixtures';
import { argon2Hasher } from '../src/platform/auth/password-hasher';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { testConfig } from './test-config';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb:
      | { kind: 'pglite'; templatePath: string }
      | { kind: 'postgres'; adminUrl: string; template: string };
  }
}

let cluster: PostgresCluster | undefined;
let templateDir: string | undefined;

/**
 * Builds one migrated, demo-seeded database per run; every test file starts from a copy
 * of it (a PGlite data-dir dump, or a PostgreSQL `CREATE DATABASE … TEMPLATE`).
 */
export async function setup(project: TestProject): Promise<void> {
  // The project's `env` reaches the test workers, not this process: read it from the
  // project's config (else every "server-postgres" run silently used PGlite).
  const wanted = project.config.env.JIJIAO_TEST_DB ?? process.env.JIJIAO_TEST_DB;
  const kind = wanted === 'postgres' ? 'postgres' : 'pglite';
  const config = testConfig();
  if (kind === 'pglite') {
    const client = await PGlite.create();
    const database = wrapPglite(client);
    await database.migrate();
    await seedDemo(database, config, argon2Hasher);
    await seedTestCertificates(database, config);
    const dump = await client.dumpDataDir('none');
    templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-pglite-'));
    const templatePath = path.join(templateDir, 'template.tar');
    fs.writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('testDb', { kind, templatePath });
    return;
  }
  cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE jijiao_template');
  await admin.end();
  const database = wrapPool(new pg.Pool({ connectionString: cluster.urlFor('jijiao_template') }));
  await database.migrate();
  await seedDemo(database, config, argon2Hasher);
  await seedTestCertificates(database, config);
  await database.close();
  project.provide('testDb', { kind, adminUrl: cluster.url, template: 'jijiao_template' });
}

export function teardown(): void {
  cluster?.stop();
  if (templateDir) fs.rmSync(templateDir, { recursive: true, force: true });
}
