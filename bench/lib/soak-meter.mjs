// What the soak counts per workload: requests completed, their latencies (per sampling
// window and over the run), what the requests achieved (claims approved, swipes accepted…),
// expected refusals (a claim another reviewer decided first) and errors. An error is any
// answer that is not 2xx and not expected, or a request that failed; each is kept with its
// status, method and path, and the first answer's text.
import { percentile } from './processes.mjs';

export class Meter {
  constructor(name) {
    this.name = name;
    this.requests = 0;
    this.errors = 0;
    this.expected = 0;
    this.units = {};
    this.window = { requests: 0, errors: 0, latencies: [] };
    this.all = [];
  }

  record(ms) {
    this.requests++;
    this.window.requests++;
    this.window.latencies.push(ms);
    this.all.push(ms);
  }

  count(unit, n = 1) {
    this.units[unit] = (this.units[unit] ?? 0) + n;
  }

  /** The figures of the window since the last call, and a new window. */
  take() {
    const { requests, errors, latencies } = this.window;
    this.window = { requests: 0, errors: 0, latencies: [] };
    latencies.sort((a, b) => a - b);
    return { requests, errors, latencies };
  }

  summary(seconds) {
    const sorted = [...this.all].sort((a, b) => a - b);
    return {
      workload: this.name,
      requests: this.requests,
      perSecond: round(this.requests / seconds, 1),
      p50Ms: round(percentile(sorted, 50), 1),
      p95Ms: round(percentile(sorted, 95), 1),
      p99Ms: round(percentile(sorted, 99), 1),
      errors: this.errors,
      expected: this.expected,
      units: this.units,
    };
  }
}

export const round = (n, digits = 0) => Number(n.toFixed(digits));

/** Errors of the whole run by workload, status, method and path. */
export class ErrorLog {
  constructor() {
    this.byKey = new Map();
  }

  add(meter, status, method, path, text) {
    meter.errors++;
    meter.window.errors++;
    const key = `${meter.name} ${status} ${method} ${path}`;
    const entry = this.byKey.get(key);
    if (entry) entry.count++;
    else
      this.byKey.set(key, {
        workload: meter.name,
        status,
        method,
        path,
        count: 1,
        first: String(text).slice(0, 300),
      });
  }

  list() {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count);
  }
}

/**
 * One HTTP request of a workload, timed. `path` names the route (ids left out) for the
 * error report; `expect` lists non-2xx statuses that are outcomes, not errors. Answers
 * `{ status, ok, body, cookie }` (the body parsed when JSON, the session cookie set if
 * any), or null when the request failed.
 */
export async function call(meter, errors, { method = 'GET', url, path, headers, body, expect }) {
  const started = performance.now();
  let response;
  let text;
  try {
    response = await fetch(url, { method, headers, body });
    text = await response.text();
  } catch (error) {
    errors.add(meter, 'network', method, path, error.cause?.message ?? error.message);
    return null;
  }
  meter.record(performance.now() - started);
  const parsed = (response.headers.get('content-type') ?? '').includes('json')
    ? JSON.parse(text)
    : text;
  if (!response.ok) {
    if (expect?.includes(response.status)) meter.expected++;
    else errors.add(meter, response.status, method, path, text);
  }
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  return { status: response.status, ok: response.ok, body: parsed, cookie };
}
