// `node bench/generate.mjs [--people 100000] [--years 1] [--seed 1] [--pending 0] [--keep]`:
// generates a province on a throwaway PostgreSQL 15 cluster and prints what it wrote and
// how fast. With --keep the cluster stays up (its URL is printed) until Ctrl-C.
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
console.log(JSON.stringify({ ...generated, seconds: Number(generated.seconds.toFixed(2)) }));
if (args.includes('--keep')) {
  console.error(`cluster at ${url}; Ctrl-C stops and deletes it`);
  process.once('SIGINT', () => {
    cluster.stop();
    process.exit(0);
  });
} else {
  cluster.stop();
}
