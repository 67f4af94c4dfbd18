// `node bench/generate.mjs [--people 100000] [--years 1] [--seed 1] [--pending 0] [--keep] [--checksum]`:
// generates a province on a throwaway PostgreSQL 15 cluster and prints what it wrote and
// how fast. With --keep the cluster stays up (its URL is printed) until Ctrl-C; with
// --checksum, digests of the generated rows (the same for the same seed).
import pg from 'pg';
import { provinceOnPostgres } from './lib/database.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const { cluster, url, generated } = await provinceOnPostgres({
  people: option('people', 100_000),
  years: option('years', 1),
  seed: option('seed', 1),
  pendingPerPerson: option('pending', 0),
  log: (line) => console.error(line),
});
const { importSample, ...counts } = generated;
let checksum;
if (args.includes('--checksum')) {
  // Everything but the AES-GCM ciphertexts (random nonces) and the demo province's own
  // (random) org ids: equal for equal seeds.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`select
    (select md5(string_agg(concat_ws('|', id, name, id_number_hash, unit_id, birth_date, profession), ',' order by id)) from people where id::text like '0e000000%') people,
    (select md5(string_agg(concat_ws('|', id, person_id, activity::text, credits, status, case when current_reviewer_org_id::text like '0a000000%' then current_reviewer_org_id::text end), ',' order by id)) from credit_claims where id::text like '0c000000%') claims,
    (select md5(string_agg(concat_ws('|', id, substring(path from position('0a000000' in path)), name, unit_type), ',' order by id)) from orgs where id::text like '0a000000%') orgs`);
  await client.end();
  checksum = rows[0];
}
console.log(
  JSON.stringify({
    ...counts,
    importSample: importSample.length,
    seconds: Number(generated.seconds.toFixed(2)),
    ...(checksum ? { checksum } : {}),
  }),
);
if (args.includes('--keep')) {
  console.error(`cluster at ${url}; Ctrl-C stops and deletes it`);
  process.once('SIGINT', () => {
    cluster.stop();
    process.exit(0);
  });
} else {
  cluster.stop();
}
