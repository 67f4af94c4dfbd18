// The baseline server: bare Fastify and a `pg` pool of the same size as the server's,
// no auth, no hooks, no validation. GET /row/:id returns one row by primary key;
// POST /insert is one idempotent INSERT (a fresh key per request).
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`create table if not exists bench_baseline (
  id bigint generated always as identity primary key,
  a uuid not null, b uuid not null, c uuid not null,
  unique (a, b), unique (c))`);
const app = Fastify({ logger: false });
app.get('/health', async () => ({ ok: true }));
app.get('/row/:id', async (request) => {
  const { rows } = await pool.query(
    'select id, name, unit_id, profession, title_grade from people where id = $1',
    [request.params.id],
  );
  return rows[0] ?? null;
});
app.post('/insert', async () => {
  const { rowCount } = await pool.query(
    'insert into bench_baseline (a, b, c) values ($1, $2, $3) on conflict do nothing',
    [randomUUID(), randomUUID(), randomUUID()],
  );
  return { accepted: rowCount === 1 };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.once('SIGINT', () => {
  void app.close().then(() => pool.end());
});
