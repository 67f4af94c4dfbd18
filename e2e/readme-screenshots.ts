// `npm run screenshots`: the README's picture of each demo role's first page, taken from
// a real `jijiao start` with the demo province in Debian's Chromium: the admin roles at
// 1366×768, the learner on a 390×844 phone. Writes docs/images/role-<role>.png (and the
// learner's desktop home as learner-home.png). Not part of `npm test`: run it when a
// first page changes, and look at the pictures before committing them.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { demoPassword, startTestServer } from './support/server';
import { settle, trackRequests } from './support/page-walk';

const imagesDir = fileURLToPath(new URL('../docs/images/', import.meta.url));

interface Shot {
  file: string;
  username: string;
  path: string;
  viewport: { width: number; height: number };
  fullPage?: boolean;
}

const laptop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };
const shots: Shot[] = [
  { file: 'learner-home.png', username: 'demo-learner', path: '/', viewport: laptop },
  { file: 'role-learner.png', username: 'demo-learner', path: '/', viewport: phone },
  { file: 'role-unit-admin.png', username: 'demo-unit-admin', path: '/', viewport: laptop },
  { file: 'role-reviewer.png', username: 'demo-reviewer', path: '/', viewport: laptop },
  { file: 'role-host-admin.png', username: 'demo-host-admin', path: '/', viewport: laptop },
  {
    file: 'role-province-admin.png',
    username: 'demo-province-admin',
    path: '/',
    viewport: laptop,
  },
  { file: 'role-system-admin.png', username: 'demo-system-admin', path: '/', viewport: laptop },
];

async function take(browser: Browser, base: string, shot: Shot): Promise<void> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: shot.viewport,
    deviceScaleFactor: 1,
    isMobile: shot.viewport.width < 768,
    hasTouch: shot.viewport.width < 768,
  });
  const page = await context.newPage();
  const inFlight = trackRequests(page);
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(shot.username);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${base}/`);
  if (shot.path !== '/') await page.goto(`${base}${shot.path}`);
  await settle(page, inFlight, 800);
  // Charts animate in; let them finish drawing.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${imagesDir}${shot.file}`, fullPage: shot.fullPage ?? false });
  console.log(`docs/images/${shot.file}`);
  await context.close();
}

const server = await startTestServer();
const browser = await launchBrowser();
try {
  for (const shot of shots) await take(browser, server.url, shot);
} finally {
  await browser.close();
  await server.stop();
}
