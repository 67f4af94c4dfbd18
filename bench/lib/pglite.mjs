// The embedded default (PGlite) against PostgreSQL on the same generated province: the
// learner's year API and the annual audit. The ratio is PGlite's figure over PostgreSQL's.
import pg from 'pg';
import { addBenchAccounts } from './accounts.mjs';
import { signIn } from './checkin.mjs';
import { provinceOnPglite, provinceOnPostgres } from './database.mjs';
import { load, runJijiao, startJijiao } from './processes.mjs';

async function measure(target, { duration, connections, auditYear }) {
  // The standings first (ADR 0018), so that the server does not compute them meanwhile.
  const rebuild = await runJijiao(['standings', 'rebuild', '--json'], target);
  const audit = await runJijiao(
    ['audit', 'run', '--year', String(auditYear), '--province', '990000', '--json'],
    target,
  );
  const server = await startJijiao(target);
  try {
    const headers = await signIn(server.url, 'bench-learner');
    const year = await load(`${server.url}/api/v1/me/years/${auditYear}`, {
      connections,
      duration,
      headers: { cookie: headers.cookie },
    });
    return { rebuild, audit, year, serverRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
  }
}

export async function pgliteWorkloads(size, row, { auditYear }) {
  const options = { people: size.pglitePeople, years: 1, seed: size.seed, pendingPerPerson: 0 };
  const settings = { duration: size.duration, connections: size.connections, auditYear };
  const onPg = await provinceOnPostgres(options);
  let onPostgres;
  try {
    const client = new pg.Client({ connectionString: onPg.url });
    await client.connect();
    try {
      await addBenchAccounts((text, params) => client.query(text, params), onPg.generated);
    } finally {
      await client.end();
    }
    onPostgres = await measure({ databaseUrl: onPg.url }, settings);
  } finally {
    onPg.cluster.stop();
  }
  const lite = await provinceOnPglite(options, addBenchAccounts);
  let onPglite;
  try {
    onPglite = await measure({ dataDir: lite.dataDir }, settings);
  } finally {
    lite.remove();
  }
  const people = onPg.generated.people;
  return [
    row(`PGlite: learner's year API, ${people} people (vs PostgreSQL)`, {
      ours: onPglite.year.requests.average,
      baseline: onPostgres.year.requests.average,
      unit: 'req/s',
      target: null,
      p99Ms: onPglite.year.latency.p99,
      baselineP99Ms: onPostgres.year.latency.p99,
      peakRssMb: onPglite.serverRssMb,
      baselinePeakRssMb: onPostgres.serverRssMb,
      errors: onPglite.year.errors + onPglite.year.non2xx,
    }),
    row(`PGlite: annual audit, ${people} people (vs PostgreSQL)`, {
      ours: onPglite.audit.seconds,
      baseline: onPostgres.audit.seconds,
      unit: 's',
      better: 'lower',
      target: null,
      peakRssMb: onPglite.audit.peakRssMb,
      baselinePeakRssMb: onPostgres.audit.peakRssMb,
    }),
    row(`PGlite: standings rebuild, ${people} people (vs PostgreSQL)`, {
      ours: onPglite.rebuild.seconds,
      baseline: onPostgres.rebuild.seconds,
      unit: 's',
      better: 'lower',
      target: null,
      peakRssMb: onPglite.rebuild.peakRssMb,
      baselinePeakRssMb: onPostgres.rebuild.peakRssMb,
    }),
  ];
}
