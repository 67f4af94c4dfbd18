// The soak's five workloads, each a round that its loops repeat until the end: learners
// signing in and reading their home, reviewers working their queue, a kiosk's swipes,
// a platform's pushes through the open API, and a unit's Excel imports. `ctx` holds the
// server's URL, the workload's meter, the run's error log and a seeded random.
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { call } from './soak-meter.mjs';
import { benchPassword, benchPlatformKey } from './server-modules.mjs';

const jsonType = { 'content-type': 'application/json' };
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** mulberry32, as the generator uses: the same seed, the same choices. */
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function signIn(ctx, username) {
  const answer = await call(ctx.meter, ctx.errors, {
    method: 'POST',
    url: `${ctx.url}/api/v1/session`,
    path: '/api/v1/session',
    headers: jsonType,
    body: JSON.stringify({ username, password: benchPassword }),
  });
  if (!answer?.ok) return null;
  return { cookie: answer.cookie, 'x-csrf-token': answer.body.csrfToken };
}

/**
 * A learner signs in (a new session each time), opens the home eight times (who am I, my
 * years, last year's and this year's report) and signs out half of the time: the other
 * half leave their session to expire, as phones do.
 */
export function learnerRound(ctx, usernames) {
  let next = 0;
  return async () => {
    const username = usernames[next++ % usernames.length];
    const session = await signIn(ctx, username);
    if (!session) return sleep(500);
    ctx.meter.count('sessions');
    const headers = { cookie: session.cookie };
    for (let k = 0; k < 8; k++)
      for (const path of [
        '/api/v1/me',
        '/api/v1/me/years',
        ...ctx.years.map((y) => `/api/v1/me/years/${y}`),
      ])
        await call(ctx.meter, ctx.errors, {
          url: `${ctx.url}${path}`,
          path: path.replace(/\d{4}$/, ':year'),
          headers,
        });
    if (ctx.random() < 0.5) {
      const out = await call(ctx.meter, ctx.errors, {
        method: 'DELETE',
        url: `${ctx.url}/api/v1/session`,
        path: '/api/v1/session',
        headers: session,
      });
      if (out?.ok) ctx.meter.count('signed out');
    }
  };
}

/** Bulk results: each item ok, decided first by someone else (expected), or an error. */
function countItems(ctx, path, answer, unit) {
  for (const item of answer.body.items) {
    if (item.ok) ctx.meter.count(unit);
    else if (item.error?.code === 'stale_state') ctx.meter.expected++;
    else ctx.errors.add(ctx.meter, `item ${item.error?.code}`, 'POST', path, item.error?.message);
  }
}

/**
 * A reviewer (own session) lists the first page of the queue and decides five claims of
 * it: 60 % bulk approve, 20 % one approve, 20 % bulk return with a reason; every tenth
 * round also reads the dashboard. An empty queue: the dashboard and a second's pause.
 */
export function reviewRound(ctx, session) {
  let round = 0;
  const headers = { ...session, ...jsonType };
  const post = (path, body, expect) =>
    call(ctx.meter, ctx.errors, {
      method: 'POST',
      url: `${ctx.url}${path.replace(':id', body.id ?? '')}`,
      path,
      headers,
      body: JSON.stringify(body.id ? { version: body.version } : body),
      expect,
    });
  const dashboard = () =>
    call(ctx.meter, ctx.errors, {
      url: `${ctx.url}/api/v1/reviews/dashboard`,
      path: '/api/v1/reviews/dashboard',
      headers: session,
    });
  return async () => {
    round++;
    const page = await call(ctx.meter, ctx.errors, {
      url: `${ctx.url}/api/v1/reviews/queue?limit=50`,
      path: '/api/v1/reviews/queue',
      headers: session,
    });
    if (!page?.ok) return sleep(500);
    const items = page.body.items;
    if (round % 10 === 0 || items.length === 0) await dashboard();
    if (items.length === 0) {
      ctx.meter.count('empty queue');
      return sleep(1000);
    }
    const picked = Array.from(
      { length: Math.min(5, items.length) },
      () => items.splice(Math.floor(ctx.random() * items.length), 1)[0],
    ).map(({ id, version }) => ({ id, version }));
    const choice = ctx.random();
    if (choice < 0.6) {
      const answer = await post('/api/v1/reviews/approve', { items: picked });
      if (answer?.ok) countItems(ctx, '/api/v1/reviews/approve', answer, 'approved');
    } else if (choice < 0.8) {
      const answer = await post('/api/v1/credits/:id/approve', picked[0], [409]);
      if (answer?.ok) ctx.meter.count('approved');
    } else {
      const body = { items: picked, reason: '请补充学时证明' };
      const answer = await post('/api/v1/reviews/return', body);
      if (answer?.ok) countItems(ctx, '/api/v1/reviews/return', answer, 'returned');
    }
  };
}

/** The kiosk: one swipe a request (online) and ten a request (its offline queue), in turn. */
export function swipeRound(ctx, prepared) {
  let round = 0;
  return async () => {
    const size = round++ % 2 === 0 ? 1 : 10;
    const body =
      size === 1 ? prepared.swipe() : { swipes: Array.from({ length: 10 }, prepared.swipe) };
    const answer = await call(ctx.meter, ctx.errors, {
      method: 'POST',
      url: `${ctx.url}/api/v1/checkins`,
      path: '/api/v1/checkins',
      headers: { ...prepared.kiosk, ...jsonType },
      body: JSON.stringify(body),
    });
    if (answer?.ok) for (const r of answer.body.results) ctx.meter.count(`swipes ${r.result}`);
  };
}

/**
 * The platform pushes 20 completed courses a request (`credits:batch`, its API key), each
 * with its own idempotency key; every tenth request sends the previous body again (a
 * retry after a lost answer: every item is a replay). Then half a second's pause.
 */
export function pushRound(ctx, sample) {
  let n = 0;
  let round = 0;
  let previous;
  return async () => {
    round++;
    const replay = previous !== undefined && round % 10 === 0;
    const body = replay
      ? previous
      : JSON.stringify({
          items: Array.from({ length: 20 }, () => {
            const i = n++;
            const person = sample[i % sample.length];
            const month = 1 + (Math.floor(i / sample.length) % 11);
            return {
              idempotencyKey: `soak-${randomUUID()}`,
              idNumber: person.idNumber,
              name: person.name,
              completedAt: `2026-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T20:00:00+08:00`,
              activity: { type: 'online_course', hours: 1 + (i % 3) },
            };
          }),
        });
    previous = body;
    const path = '/api/v1/provider/credits:batch';
    const answer = await call(ctx.meter, ctx.errors, {
      method: 'POST',
      url: `${ctx.url}${path}`,
      path,
      headers: { authorization: `Bearer ${benchPlatformKey}`, ...jsonType },
      body,
    });
    if (answer?.ok) {
      ctx.meter.count('credits created', answer.body.counts.created);
      ctx.meter.count('credits replayed', answer.body.counts.replayed);
      for (const r of answer.body.results)
        if (r.error) ctx.errors.add(ctx.meter, `item ${r.status}`, 'POST', path, r.error.message);
    }
    await sleep(500);
  };
}

const importHeader = ['身份证号', '姓名', '活动类型', '日期', '学时'];

/**
 * The unit admin imports an xlsx of 20 online courses of the unit's staff (multipart, as
 * the page uploads it), each row a new person and day, then pauses a second.
 */
export function importRound(ctx, { session, unitId, sample }) {
  let n = 0;
  let file = 0;
  const path = '/api/v1/units/:id/credits/import';
  return async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('学分');
    sheet.addRow(importHeader);
    for (let k = 0; k < 20; k++) {
      const i = n++;
      const person = sample[i % sample.length];
      const day = Math.floor(i / sample.length) % 330;
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      sheet.addRow([person.idNumber, person.name, '远程/网络课程', date, 3 * (1 + (i % 4))]);
    }
    const form = new FormData();
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    form.append(
      'file',
      new Blob([await workbook.xlsx.writeBuffer()], { type }),
      `soak-${++file}.xlsx`,
    );
    const answer = await call(ctx.meter, ctx.errors, {
      method: 'POST',
      url: `${ctx.url}${path.replace(':id', unitId)}`,
      path,
      headers: session,
      body: form,
    });
    if (answer?.ok) {
      ctx.meter.count('files');
      ctx.meter.count('rows created', answer.body.created);
      ctx.meter.count('rows matched', answer.body.updated + answer.body.unchanged);
    }
    await sleep(1000);
  };
}
