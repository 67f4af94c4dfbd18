// The reminder rules over the generated province (ADR 0039): `jijiao reminders run` on the
// 30-day milestone before entry closes, every generated person with an account, against a
// bare INSERT … SELECT of as many rows into a table with the same unique key, in the same run.
import os from 'node:os';
import pg from 'pg';
import { runJijiao } from './processes.mjs';

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** Accounts for the generated people (bench only: the generator writes people without). */
async function giveEveryoneAnAccount(client) {
  const started = performance.now();
  await client.query(
    `with made as (
       insert into users (id, username, display_name, password_hash)
       select gen_random_uuid(), 'bench-p-' || p.id::text, p.name, 'x'
         from people p where p.user_id is null
       returning id, username)
     update people p set user_id = made.id from made
      where made.username = 'bench-p-' || p.id::text`,
  );
  return (performance.now() - started) / 1000;
}

export async function remindersWorkload(url, row, log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let baselineSeconds;
  let year;
  let behind;
  try {
    const accountsSeconds = await giveEveryoneAnAccount(client);
    log(`  accounts for every person: ${accountsSeconds.toFixed(1)} s`);
    ({ year } = (
      await client.query(
        `select year from person_standings group by year order by count(*) desc limit 1`,
      )
    ).rows[0]);
    await client.query(
      `insert into province_calendars (province_id, year, entry_closes, unit_audit_due,
                                       city_audit_due, province_filing, updated_at)
       select id, $1::int, ($1 || '-12-31')::date, ($1 + 1 || '-01-31')::date,
              ($1 + 1 || '-02-28')::date, ($1 + 1 || '-03-31')::date, now()
         from orgs where kind = 'province' and region_code = '990000'
       on conflict do nothing`,
      [year],
    );
    await client.query('analyze');
    // The baseline: the learners behind, one row each, written with a unique key as bare as
    // the notifications': no needs line, no outbox, no other rule.
    await client.query(
      `create table bench_reminders_baseline (user_id uuid not null, kind text not null,
         dedupe_key text not null, params jsonb not null, link text,
         created_at timestamptz not null, unique (user_id, kind, dedupe_key))`,
    );
    const started = performance.now();
    const inserted = await client.query(
      `insert into bench_reminders_baseline
       select p.user_id, 'reminder_learner_behind', 'learner_behind:' || $1::int::text,
              jsonb_build_object('shortfall', s.shortfall), '/', now()
         from person_standings s join people p on p.id = s.person_id
        where s.year = $1::int and not s.compliant
       on conflict do nothing`,
      [year],
    );
    baselineSeconds = (performance.now() - started) / 1000;
    behind = inserted.rowCount;
  } finally {
    await client.end();
  }
  const asOf = `${year}-12-01`;
  const load = loadAverage();
  const run = await runJijiao(['reminders', 'run', '--as-of', asOf, '--json'], {
    databaseUrl: url,
  });
  const report = JSON.parse(run.stdout.trim().split('\n').at(-1));
  const again = await runJijiao(['reminders', 'run', '--as-of', asOf, '--json'], {
    databaseUrl: url,
  });
  const rerun = JSON.parse(again.stdout.trim().split('\n').at(-1));
  const created = report.rules.reduce((sum, r) => sum + r.created, 0);
  const per = report.rules.map((r) => `${r.rule} ${r.created} in ${r.ms} ms`).join(', ');
  const outbox = await (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query('select count(*)::int as n from notification_outbox')).rows[0].n;
    } finally {
      await c.end();
    }
  })();
  return row(`reminders run, 30 days before entry closes (jijiao reminders run, PostgreSQL)`, {
    ours: run.seconds,
    baseline: baselineSeconds,
    unit: 's',
    better: 'lower',
    target: { absolute: 60, text: '< 60 s for the province' },
    peakRssMb: run.peakRssMb,
    note: `${created} notifications (${per}) and ${outbox} outbox rows, ${report.seconds} s in the database; baseline: ${behind} bare rows; rerun ${rerun.rules.reduce((s, r) => s + r.created, 0)} new in ${again.seconds.toFixed(1)} s (${rerun.seconds} s in the database); CLI start included; load average before ${load}`,
  });
}
