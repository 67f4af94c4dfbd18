// Pages on a phone network: Debian's Chromium (never a downloaded browser) driven by
// playwright-core, with a CDP mobile profile (1.6 Mbps down, 750 kbps up, 150 ms round
// trip, CPU slowed 4×, 390×844). Each page opens in a fresh context, so the cache is cold;
// the time runs from navigation until the page's main content is visible, and the bytes
// are what crossed the wire (encodedDataLength of every finished request).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { signIn, json } from './checkin.mjs';
import { startJijiao } from './processes.mjs';
import { ensureSystemDeps } from '../../scripts/system-deps.mjs';

const mobileProfile = {
  latencyMs: 150,
  downloadBytesPerSecond: 200_000,
  uploadBytesPerSecond: 93_750,
  cpuSlowdown: 4,
};
const mobileUserAgent =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36';

function launch({ selfSigned = false } = {}) {
  // Debian's Chromium and the CJK font, installed as `npm test` installs them.
  ensureSystemDeps();
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      // The HTTPS pass's certificate is a throw-away one made for 127.0.0.1.
      ...(selfSigned ? ['--ignore-certificate-errors'] : []),
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens `url` cold under the mobile profile; seconds until `selector` shows, bytes moved. */
async function measurePage(browser, { url, selector, cookie }) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: mobileUserAgent,
    locale: 'zh-CN',
  });
  try {
    if (cookie) {
      const [name, ...value] = cookie.split('=');
      await context.addCookies([{ name, value: value.join('='), url }]);
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    let requests = 0;
    let loadsEcharts = false;
    const urls = new Map();
    const detail = [];
    let firstAt;
    cdp.on('Network.requestWillBeSent', (event) => {
      if (/\/assets\/echarts-/.test(event.request.url)) loadsEcharts = true;
      firstAt ??= event.timestamp;
      urls.set(event.requestId, [new URL(event.request.url).pathname, event.timestamp - firstAt]);
    });
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      requests += 1;
      const [path, startedAt] = urls.get(event.requestId) ?? ['?', 0];
      detail.push([path, event.encodedDataLength, startedAt, event.timestamp - firstAt]);
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: mobileProfile.latencyMs,
      downloadThroughput: mobileProfile.downloadBytesPerSecond,
      uploadThroughput: mobileProfile.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: mobileProfile.cpuSlowdown });
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    // Checked on every frame: a locator's wait polls at growing intervals (up to 500 ms
    // apart), which would count its own waiting as the page's.
    await page.waitForFunction(
      (css) => {
        const element = globalThis.document.querySelector(css);
        return element !== null && element.checkVisibility();
      },
      selector,
      { polling: 'raf', timeout: 120_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    // Requests the page started before its content showed may still be finishing: let
    // them land so that the bytes count everything the page loaded for that view.
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
    // BENCH_BROWSER_DETAIL=1: every request of the page with its bytes, biggest first;
    // BENCH_BROWSER_DETAIL=timeline: in the order they started, with when each started and
    // finished (seconds from the first request).
    const timeline = process.env.BENCH_BROWSER_DETAIL === 'timeline';
    if (process.env.BENCH_BROWSER_DETAIL)
      for (const [path, n, from, to] of detail.sort((a, b) =>
        timeline ? a[2] - b[2] : b[1] - a[1],
      ))
        process.stderr.write(
          `    ${String(n).padStart(7)} ${timeline ? `${from.toFixed(2)}–${to.toFixed(2)} s ` : ''}${path}\n`,
        );
    return { seconds, bytes, requests, loadsEcharts };
  } finally {
    await context.close();
  }
}

/**
 * The demo on PGlite, served twice: over plain HTTP/1.1 (six connections, a round trip a
 * request), then over HTTPS with HTTP/2 (`JIJIAO_TLS_CERT_FILE`, one connection for all of
 * a page's modules), as a deployment serves it directly or behind an HTTP/2 proxy.
 */
export async function browserWorkload(row) {
  const rows = await browserPass(row, { tls: null, suffix: '' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-tls-'));
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
      .concat(['-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'])
      .concat(['-keyout', keyFile, '-out', certFile]),
    { stdio: 'ignore' },
  );
  // The bench's own requests (sign-in, the serial) trust that certificate too.
  const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    rows.push(
      ...(await browserPass(row, { tls: { certFile, keyFile }, suffix: ', HTTPS + HTTP/2' })),
    );
  } finally {
    if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** A certificate serial of the demo learner, then three pages measured. */
async function browserPass(row, { tls, suffix }) {
  const server = await startJijiao(
    tls ? { env: { JIJIAO_TLS_CERT_FILE: tls.certFile, JIJIAO_TLS_KEY_FILE: tls.keyFile } } : {},
  );
  const browser = await launch({ selfSigned: tls !== null });
  try {
    const learner = await signIn(server.url, 'demo-learner');
    const mine = await json(
      await fetch(`${server.url}/api/v1/certificates/mine`, { headers: learner }),
    );
    const certificates = Array.isArray(mine) ? mine : (mine.items ?? mine.certificates ?? []);
    const serial = certificates.find((c) => c.serial)?.serial;
    if (!serial) throw new Error('the demo learner holds no certificate');
    const pages = [
      {
        label: `public certificate page /verify/{serial}`,
        url: `${server.url}/verify/${serial}`,
        selector: '[data-testid="verify-status"]',
      },
      {
        label: 'sign-in page /login',
        url: `${server.url}/login`,
        selector: 'form button[type="submit"]',
      },
      {
        label: "learner's home / (signed in)",
        url: `${server.url}/`,
        selector: '[data-testid="year-credits"]',
        cookie: learner.cookie,
      },
    ];
    const rows = [];
    for (const p of pages) {
      const m = await measurePage(browser, p);
      const note = `mobile: 1.6 Mbps, 150 ms RTT, CPU 4×, cold cache; ${m.requests} requests${m.loadsEcharts ? ', loads ECharts' : ''}`;
      rows.push(
        row(`${p.label}${suffix}: until content shows`, {
          ours: m.seconds,
          baseline: null,
          unit: 's',
          better: 'lower',
          target: { absolute: 3, text: '< 3 s' },
          note,
        }),
        row(`${p.label}${suffix}: bytes transferred`, {
          ours: m.bytes / 1000,
          baseline: null,
          unit: 'kB',
          better: 'lower',
          target: { absolute: 300, text: '< 300 kB' },
          note,
        }),
      );
    }
    return rows;
  } finally {
    await browser.close();
    await server.stop();
  }
}
