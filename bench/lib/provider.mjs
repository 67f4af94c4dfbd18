// Provider batch end to end: an online platform pushes completed courses through the open
// API, 1 000 credits a request (POST /api/v1/provider/credits:batch), each item with its own
// idempotency key. Requests are sent one after another, as a platform's nightly sync would,
// then two at a time (two platforms at once); the figure is credits stored per second,
// first as an untrusted platform (every credit submitted into its unit's review chain), then
// trusted (effective on arrival). The baseline: COPY of the same items' fields into a plain
// table over one connection, the floor of getting those rows into PostgreSQL.
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { json } from './checkin.mjs';
import { benchPlatformKey, serverModules } from './server-modules.mjs';

function batchesOf(sample, batches, batchSize, offset) {
  return Array.from({ length: batches }, (_, b) =>
    Array.from({ length: batchSize }, (_, i) => {
      const n = offset + b * batchSize + i;
      const person = sample[n % sample.length];
      const day = 1 + (n % 28);
      return {
        idempotencyKey: `bench-${randomUUID()}`,
        idNumber: person.idNumber,
        name: person.name,
        completedAt: `2026-03-${String(day).padStart(2, '0')}T20:00:00+08:00`,
        activity: { type: 'online_course', hours: 2 + (i % 3) },
      };
    }),
  );
}

/** Seconds to COPY the items' fields into a plain table (the baseline). */
async function copySeconds(client, batches) {
  const { pgBulkClient } = await serverModules();
  await client.query(`drop table if exists bench_provider_baseline`);
  await client.query(
    `create table bench_provider_baseline (key text primary key, id_number text, name text,
       completed_at timestamptz, type text, hours numeric)`,
  );
  const started = performance.now();
  for (const items of batches) {
    const lines = items
      .map(
        (i) =>
          `${i.idempotencyKey}\t${i.idNumber}\t${i.name}\t${i.completedAt}\t${i.activity.type}\t${i.activity.hours}\n`,
      )
      .join('');
    await pgBulkClient(client).copyInto(
      'bench_provider_baseline',
      ['key', 'id_number', 'name', 'completed_at', 'type', 'hours'],
      lines,
    );
  }
  return (performance.now() - started) / 1000;
}

/** Sends the batches over `concurrency` connections at once, each taking the next batch. */
async function send(url, batches, concurrency = 1) {
  const headers = {
    authorization: `Bearer ${benchPlatformKey}`,
    'content-type': 'application/json',
  };
  let stored = 0;
  let failed = 0;
  const latencies = [];
  const started = performance.now();
  let next = 0;
  async function sender() {
    while (next < batches.length) {
      const items = batches[next++];
      const sent = performance.now();
      const answer = await json(
        await fetch(`${url}/api/v1/provider/credits:batch`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ items }),
        }),
      );
      latencies.push(performance.now() - sent);
      stored += answer.counts.created;
      failed += answer.counts.failed;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  if (failed > 0) throw new Error(`provider batch: ${failed} items refused`);
  return { stored, seconds, slowest: Math.max(...latencies) / 1000 };
}

export async function providerWorkload(
  url,
  databaseUrl,
  generated,
  row,
  { batches, batchSize = 1000 },
) {
  const sample = generated.importSample;
  if (sample.length === 0) throw new Error('the generator kept no people for the push');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows = [];
  try {
    const keyHash = createHash('sha256').update(benchPlatformKey).digest('hex');
    const platform = (
      await client.query(`select platform_org_id id from platform_api_keys where key_hash = $1`, [
        keyHash,
      ])
    ).rows[0]?.id;
    if (!platform) throw new Error('provider batch: the bench platform key is not registered');
    let offset = 0;
    for (const trusted of [false, true]) {
      await client.query(
        `insert into platform_settings (platform_org_id, trusted, updated_at) values ($1, $2, now())
         on conflict (platform_org_id) do update set trusted = excluded.trusted`,
        [platform, trusted],
      );
      // One request at a time (a platform's nightly sync), then two at once (two platforms,
      // or one syncing over two connections, as in December).
      for (const concurrency of [1, 2]) {
        const planned = batchesOf(sample, batches, batchSize, offset);
        offset += batches * batchSize;
        const baselineSeconds = await copySeconds(client, planned);
        const run = await send(url, planned, concurrency);
        const mode = trusted ? 'trusted (effective on arrival)' : 'untrusted (review chain)';
        const atOnce = concurrency > 1 ? `, ${concurrency} requests at once` : '';
        rows.push(
          row(
            `provider batch, ${batchSize} credits/request, ${mode}${atOnce} (POST /api/v1/provider/credits:batch)`,
            {
              ours: run.stored / run.seconds,
              baseline: (batches * batchSize) / baselineSeconds,
              unit: 'credits/s',
              target: { absolute: 5000, text: '≥ 5 000 credits/s' },
              note: `${batches} requests, ${run.stored} credits stored in ${run.seconds.toFixed(1)} s; slowest request ${run.slowest.toFixed(1)} s; COPY ${baselineSeconds.toFixed(2)} s`,
            },
          ),
        );
      }
    }
    await client.query(`update platform_settings set trusted = false where platform_org_id = $1`, [
      platform,
    ]);
    await client.query(`drop table if exists bench_provider_baseline`);
  } finally {
    await client.end();
  }
  return rows;
}
