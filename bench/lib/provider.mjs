// Provider batch end to end: an online platform pushes completed courses through the open
// API, 1 000 credits a request (POST /api/v1/provider/credits:batch), each item in its own
// transaction with its own idempotency key. Requests are sent one after another, as a
// platform's nightly sync would; the figure is credits stored per second.
import { randomUUID } from 'node:crypto';
import { json } from './checkin.mjs';
import { benchPlatformKey } from './server-modules.mjs';

export async function providerWorkload(url, generated, row, { batches, batchSize = 1000 }) {
  const sample = generated.importSample;
  if (sample.length === 0) throw new Error('the generator kept no people for the push');
  const headers = {
    authorization: `Bearer ${benchPlatformKey}`,
    'content-type': 'application/json',
  };
  let stored = 0;
  let failed = 0;
  const latencies = [];
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    const items = Array.from({ length: batchSize }, (_, i) => {
      const person = sample[(b * batchSize + i) % sample.length];
      const day = 1 + ((b * batchSize + i) % 28);
      return {
        idempotencyKey: `bench-${randomUUID()}`,
        idNumber: person.idNumber,
        name: person.name,
        completedAt: `2026-03-${String(day).padStart(2, '0')}T20:00:00+08:00`,
        activity: { type: 'online_course', hours: 2 + (i % 3) },
      };
    });
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
  const seconds = (performance.now() - started) / 1000;
  if (failed > 0) throw new Error(`provider batch: ${failed} items refused`);
  const slowest = Math.max(...latencies) / 1000;
  return row(`provider batch, ${batchSize} credits/request (POST /api/v1/provider/credits:batch)`, {
    ours: stored / seconds,
    baseline: null,
    unit: 'credits/s',
    target: null,
    note: `${batches} requests, ${stored} credits stored in ${seconds.toFixed(1)} s; slowest request ${slowest.toFixed(1)} s`,
  });
}
