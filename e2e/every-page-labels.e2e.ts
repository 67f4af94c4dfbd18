import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AwardBatch, Claim, ProjectList } from '@jijiao/contracts';
import { apiSignIn } from './support/api';
import { launchBrowser } from './support/browser';
import { laptopViewport } from './support/dashboard';
import { pageOpeners } from './support/page-openers';
import { findRawValues, settle, trackRequests, visibleText } from './support/page-walk';
import { loadWebRoutes, walkRole, type PageVisit } from './support/role-walk';
import { demoPassword, startTestServer, type TestServer } from './support/server';

/**
 * Every page of every demo role, in zh-CN, in real Chromium: no visible text may be a raw
 * code (a snake_case or camelCase identifier, a lowercase English word, JSON) or say 建设中.
 * The pages come from the web app's route tree, so a new page is walked without editing
 * this test; pages with an id open through the first item a list links to. The drawers,
 * dialogs and panels of `pageOpeners` are opened and read too.
 */
const accounts = [
  'demo-learner',
  'demo-unit-admin',
  'demo-reviewer',
  'demo-host-admin',
  'demo-province-admin',
  'demo-system-admin',
] as const;
const publicPages = ['/login', '/public/projects', '/kiosk'];

/** Runs at most `n` of the tasks given to it at once. */
function limit(n: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

describe('the raw-code detector', () => {
  it.each([
    ['annual_total 差 5 学分', 'snake_case'],
    ['适用规定：national-2024 1.0.0', 'English word'],
    ['hostProvince 110000', 'camelCase'],
    ['{"year":2025}', 'JSON'],
    ['该功能建设中', '建设中'],
    ['身份 attendee', 'English word'],
    ['原因 annual_total_shortfall_reason', 'snake_case'],
  ])('flags %s', (text, kind) => {
    expect(findRawValues(text).map((r) => r.kind)).toContain(kind);
  });

  it.each([
    '年度总学分不少于 25 学分（折合 90 学时）',
    '仅支持 .xlsx 文件',
    '登录名 demo-unit-admin，IP 127.0.0.1',
    '项目编号 2026-04-08-001（国） · I类 · PDF 文件 · 1 KB',
    '打开 http://localhost:3000/kiosk#token=jjd_AbC 或 POST /api/v1/provider/credits',
    '设备令牌 jjd_x9Kf2-qlhe_Zt0pW3mVb7 请妥善保存',
    'A 厅入口签到机 …fswB 2026-12-05',
    '签到机 …ab_c 已停用',
  ])('passes %s', (text) => {
    expect(findRawValues(text)).toEqual([]);
  });
});

describe('every page of every demo role, in zh-CN', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let web: Awaited<ReturnType<typeof loadWebRoutes>> | undefined;
  const visits: PageVisit[] = [];
  const reached = new Set<string>();

  beforeAll(async () => {
    [server, browser, web] = await Promise.all([
      startTestServer(),
      launchBrowser(),
      loadWebRoutes(),
    ]);
    const url = server.url;
    const learner = await apiSignIn(url, 'demo-learner');
    const unitAdmin = await apiSignIn(url, 'demo-unit-admin');
    const host = await apiSignIn(url, 'demo-host-admin');
    const today = new Date().toISOString().slice(0, 10);
    // A project claim with every field waits at the unit (the review drawer shows each), and
    // a returned claim gives the learner a page to correct it.
    const submit = async (activity: Record<string, unknown>) => {
      let draft = await learner.call<Claim>('POST', '/api/v1/credits', {
        activity,
        evidence: [],
      });
      if (activity.type === 'project') {
        // A project is submitted with its certificate (the server refuses it otherwise).
        await learner.upload(
          `/api/v1/credits/${draft.id}/evidence?kind=credit_certificate`,
          Buffer.concat([
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
            Buffer.from('attendance certificate'),
          ]),
          '学分证书.png',
          'image/png',
        );
        draft = await learner.call<Claim>('GET', `/api/v1/credits/${draft.id}`);
      }
      return learner.call<Claim>('POST', `/api/v1/credits/${draft.id}/submit`, {
        version: draft.version,
      });
    };
    await submit({
      type: 'project',
      date: today,
      level: 'national',
      role: 'attendee',
      hours: 6,
      awardedCredits: 2,
      remote: true,
      projectNumber: '2026-04-08-001（国）',
      hostProvince: '110000',
    });
    const toReturn = await submit({ type: 'self_study', date: today, hours: 3 });
    await unitAdmin.call('POST', `/api/v1/credits/${toReturn.id}/return`, {
      version: toReturn.version,
      reason: '请补充学习笔记',
    });
    // A draft award batch: its page links to the roster import.
    const projects = await host.call<ProjectList>('GET', '/api/v1/projects?status=filed');
    const project = projects.items[0];
    if (project === undefined) throw new Error('the demo host has no filed project');
    await host.call<AwardBatch>('POST', `/api/v1/projects/${project.id}/award-batches`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const report = (found: PageVisit[]) =>
    found.flatMap((v) => v.raw.map((r) => `${v.role} ${v.url} — ${r.kind}: ${r.text}`));

  // Roles walk side by side, a few at a time: most of a walk is waiting for pages to settle.
  // A role's time counts from the start of all walks (waiting for a slot included), so the
  // limit covers two walks one after another, not one.
  const slots = limit(3);
  const walkTimeout = 360_000;
  it.concurrent.for(accounts)(
    '%s: no raw code on any page',
    { timeout: walkTimeout },
    async (username, { expect }) => {
      const walk = await slots(() =>
        walkRole({
          browser: browser!,
          url: server!.url,
          username,
          password: demoPassword,
          web: web!,
          openers: pageOpeners,
        }),
      );
      visits.push(...walk.visits);
      const slowest = [...walk.visits].sort((a, b) => b.ms - a.ms).slice(0, 3);
      console.info(
        `${walk.role}: ${String(walk.visits.length)} pages; slowest ${slowest.map((v) => `${v.url} ${String(v.ms)} ms`).join(', ')}`,
      );
      for (const v of walk.visits) reached.add(v.routeKey);
      expect(walk.visits.length).toBeGreaterThan(3);
      expect(report(walk.visits)).toEqual([]);
    },
  );

  it('the public pages: no raw code either', async () => {
    const context = await browser!.newContext({ locale: 'zh-CN', viewport: laptopViewport });
    const page = await context.newPage();
    const inFlight = trackRequests(page);
    const found: PageVisit[] = [];
    for (const path of publicPages) {
      const started = Date.now();
      await page.goto(`${server!.url}${path}`);
      await settle(page, inFlight);
      const raw = findRawValues(await visibleText(page));
      found.push({ role: 'public', routeKey: path, url: path, raw, ms: Date.now() - started });
    }
    await context.close();
    expect(report(found)).toEqual([]);
  });

  it('reached every page of the route tree', () => {
    const pages = web!.pages.map((r) => r.key);
    expect(pages.filter((key) => !reached.has(key))).toEqual([]);
    // The numbers for the record: how much one run reads.
    console.info(`walked ${String(visits.length)} pages of ${String(pages.length)} routes`);
  });
});
