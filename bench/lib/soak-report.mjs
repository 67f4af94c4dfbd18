// The soak's report: the samples over time (one row a sample, or a minute in runs over
// three minutes), each workload over the run, the memory at the end of the warm-up against
// the end, and the errors by status and path. `text` is Markdown, `json` the same figures.
import { percentile } from './processes.mjs';
import { round } from './soak-meter.mjs';

export const flatBelow = { mb: 30, percent: 10 };

/** Least-squares slope of RSS over time after the warm-up, in MiB per minute. */
function slopePerMinute(points) {
  if (points.length < 2) return null;
  const n = points.length;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mr = points.reduce((a, p) => a + p.rssMb, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.rssMb - mr), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return round((60 * num) / den, 2);
}

/** Samples merged into rows of `size` samples: requests per second and p95 per workload. */
function rowsOf(samples, size) {
  const rows = [];
  for (let i = 0; i < samples.length; i += size) {
    const group = samples.slice(i, i + size);
    const last = group.at(-1);
    const seconds = last.t - (i === 0 ? 0 : samples[i - 1].t);
    const workloads = {};
    for (const name of Object.keys(last.workloads)) {
      const latencies = group.flatMap((s) => s.workloads[name].latencies).sort((a, b) => a - b);
      workloads[name] = {
        perSecond: round(latencies.length / seconds, 1),
        p50Ms: round(percentile(latencies, 50)),
        p95Ms: round(percentile(latencies, 95)),
        errors: group.reduce((a, s) => a + s.workloads[name].errors, 0),
      };
    }
    rows.push({ t: last.t, rssMb: last.rssMb, heapUsedMb: last.heapUsedMb, workloads });
  }
  return rows;
}

/**
 * The RSS at a moment: the median of the samples of the 30 s up to it, so that one sample
 * taken at the top of a GC cycle does not decide the growth.
 */
function rssAt(samples, t) {
  const near = samples
    .filter((s) => s.t > t - smoothSeconds && s.t <= t)
    .map((s) => s.rssMb)
    .sort((a, b) => a - b);
  return near[Math.floor((near.length - 1) / 2)];
}
const smoothSeconds = 30;

function memoryOf(samples, warmupSeconds, gcHeap, peakRssMb) {
  const warm = samples.find((s) => s.t >= warmupSeconds) ?? samples[0];
  const last = samples.at(-1);
  const atWarmup = rssAt(samples, warm.t);
  const atEnd = rssAt(samples, last.t);
  const growthMb = atEnd - atWarmup;
  const growthPercent = round((100 * growthMb) / atWarmup, 1);
  const flat = growthMb < flatBelow.mb && growthPercent < flatBelow.percent;
  return {
    warmupSeconds: warm.t,
    rssAtWarmupMb: atWarmup,
    rssAtEndMb: atEnd,
    growthMb,
    growthPercent,
    slopeMbPerMinute: slopePerMinute(samples.filter((s) => s.t >= warm.t)),
    rssMinMb: Math.min(...samples.map((s) => s.rssMb)),
    rssMaxMb: Math.max(...samples.map((s) => s.rssMb)),
    peakRssMb,
    heapAfterGcAtWarmupMb: gcHeap.warmup === null ? null : round(gcHeap.warmup ?? NaN, 1),
    heapAfterGcAtEndMb: gcHeap.end === null ? null : round(gcHeap.end ?? NaN, 1),
    verdict: flat ? 'flat' : 'growing',
    settled: warm.t >= 120,
    threshold: `flat: growth < ${flatBelow.mb} MB and < ${flatBelow.percent} % of the RSS at the end of the warm-up`,
  };
}

export function soakReport(run) {
  const { minutes, dataset, samples, warmupSeconds, gcHeap, peakRssMb, summaries, errors } = run;
  const memory = memoryOf(samples, warmupSeconds, gcHeap, peakRssMb);
  const rows = rowsOf(samples, minutes <= 3 ? 1 : 60 / (samples[0]?.t || 10));
  const names = summaries.map((s) => s.workload);
  const json = {
    soak: {
      minutes,
      dataset,
      workloads: summaries,
      memory,
      errors,
      overTime: rowsOf(samples, 1),
    },
  };
  const lines = [];
  const table = (header, body) => {
    lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    for (const r of body) lines.push(`| ${r.join(' | ')} |`);
    lines.push('');
  };
  table(
    ['t (s)', ...names.map((n) => `${n} req/s (p95 ms)`), 'errors', 'RSS MB', 'heap MB'],
    rows.map((r) => [
      r.t,
      ...names.map((n) => `${r.workloads[n].perSecond} (${r.workloads[n].p95Ms})`),
      names.reduce((a, n) => a + r.workloads[n].errors, 0),
      r.rssMb,
      r.heapUsedMb ?? '—',
    ]),
  );
  table(
    [
      'workload',
      'loops',
      'requests',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'expected refusals',
      'done',
    ],
    summaries.map((s) => [
      s.workload,
      s.loops,
      s.requests,
      s.perSecond,
      s.p50Ms,
      s.p95Ms,
      s.p99Ms,
      s.errors,
      s.expected,
      Object.entries(s.units)
        .map(([unit, n]) => `${n} ${unit}`)
        .join(', ') || '—',
    ]),
  );
  const m = memory;
  lines.push(
    `Server RSS (process tree, median of the samples of the last ${smoothSeconds} s up to each point): ${m.rssAtWarmupMb} MB at the end of the warm-up (${m.warmupSeconds} s), ${m.rssAtEndMb} MB at the end: ${m.growthMb >= 0 ? '+' : ''}${m.growthMb} MB (${m.growthPercent} %); slope after the warm-up ${m.slopeMbPerMinute} MB/min; min ${m.rssMinMb}, max ${m.rssMaxMb}, peak (VmHWM) ${m.peakRssMb} MB.`,
    `Live heap after a full GC: ${m.heapAfterGcAtWarmupMb ?? '—'} MB at the end of the warm-up, ${m.heapAfterGcAtEndMb ?? '—'} MB before the end.`,
    `Verdict: **${m.verdict}** (${m.threshold})${minutes < 10 ? `; a run under 10 minutes has a warm-up under 2 minutes, before the heap has settled: a smoke test, not a verdict` : ''}.`,
    '',
  );
  if (errors.length === 0) lines.push('Errors: none.');
  else {
    lines.push('Errors:');
    for (const e of errors)
      lines.push(`- ${e.count} × ${e.workload}: ${e.status} ${e.method} ${e.path} — ${e.first}`);
  }
  lines.push(
    '',
    `Dataset: ${dataset.people} people in ${dataset.units} units, ${dataset.claims} claims (${dataset.pendingClaims} pending), ${dataset.learnerAccounts} learner accounts, reviewers ${dataset.reviewers.join(', ')}, ${dataset.cards} cards × ${dataset.checkinSessions} check-in sessions, ${dataset.importSample} people for pushes and imports; set up in ${dataset.setupSeconds} s.`,
  );
  return { json, text: lines.join('\n') };
}
