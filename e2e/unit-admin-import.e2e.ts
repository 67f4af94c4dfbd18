import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { residentIdCheckChar } from '@jijiao/domain';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

const maskedId = /^\d{4}\*{10}[\dX]{4}$/;

/** A valid 18-character resident ID: region, birth date, sequence, check character. */
function residentId(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

/** The same number with a wrong check character. */
function withWrongCheck(id: string): string {
  const wrong = id.endsWith('1') ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

// Surnames the demo province does not use: the filter `欧阳` finds exactly these people.
const people = [
  {
    name: '欧阳晓岚',
    idNumber: residentId('110105', '1988-03-07', '024'),
    phone: '13800000001',
    profession: '医师',
    title: '中级',
  },
  {
    name: '欧阳嘉树',
    // A check character X must survive as text.
    idNumber: ((): string => {
      for (let seq = 11; seq < 999; seq += 2) {
        const id = residentId('430102', '1979-11-30', String(seq).padStart(3, '0'));
        if (id.endsWith('X')) return id;
      }
      throw new Error('no ID ending in X');
    })(),
    phone: '13800000002',
    profession: '护士',
    title: '副高级',
  },
];

type Row = Record<string, string>;

/**
 * Fills the downloaded template: finds the sheet whose first row holds 身份证号, writes
 * each row under the header of the same name (every cell as text), saves to `target`.
 */
async function fillTemplate(template: string, rows: Row[], target: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.worksheets.find((ws) =>
    (ws.getRow(1).values as unknown[]).some((v) => v === '身份证号'),
  );
  if (!sheet) throw new Error('the template has no sheet with a 身份证号 header');
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    if (typeof cell.value === 'string') columnOf.set(cell.value.trim(), col);
  });
  for (const header of ['姓名', '身份证号', '专业类别', '职称级别'])
    expect(columnOf.has(header), `template header ${header}`).toBe(true);
  rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(2 + index);
    for (const [header, value] of Object.entries(row)) {
      const col = columnOf.get(header);
      if (col === undefined) continue;
      const cell = sheetRow.getCell(col);
      cell.numFmt = '@';
      cell.value = value;
    }
    sheetRow.commit();
  });
  await workbook.xlsx.writeFile(target);
}

const toRow = (p: (typeof people)[number]): Row => ({
  姓名: p.name,
  身份证号: p.idNumber,
  手机号: p.phone,
  专业类别: p.profession,
  中医: '否',
  职称级别: p.title,
});

describe('a unit admin imports staff from the Excel template', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let workDir: string;
  let template: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'jijiao-import-e2e-'));
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  /** The staff list filtered by name (through the filter bar), once it shows `count` rows. */
  async function listByName(q: string, count: number) {
    const url = server!.url;
    await page.goto(`${url}/people`);
    const search = page.getByPlaceholder('按姓名查询');
    await search.fill(q);
    await search.press('Enter');
    await page.waitForURL(`${url}/people?q=${encodeURIComponent(q)}`);
    const rows = page.getByTestId('people-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(count);
    await expect
      .poll(() => page.getByTestId('loaded-count').innerText())
      .toBe(`共 ${String(count)} 条`);
    const result: { name: string; masked: string }[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      result.push({
        name: (await row.locator('td').first().innerText()).trim(),
        masked: (await row.getByTestId('id-masked').innerText()).trim(),
      });
    }
    return result;
  }

  async function expectNoFullIdInPage() {
    const text = await page.locator('body').innerText();
    const html = await page.content();
    for (const p of people) {
      expect(text.includes(p.idNumber), 'full ID in the page text').toBe(false);
      expect(html.includes(p.idNumber), 'full ID in the page markup').toBe(false);
    }
  }

  it('downloads the template, dry-runs, imports, and lists the people with masked IDs', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'unit-admin-import-failure');
    });
    const url = server!.url;

    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-unit-admin');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);

    const menu = page.getByTestId('main-menu');
    await menu.getByText('人员管理', { exact: true }).click();
    await page.waitForURL(`${url}/people`);
    await page.getByTestId('people-table').locator('tbody tr.ant-table-row').first().waitFor();

    await page.getByTestId('people-import').click();
    await page.waitForURL(`${url}/people/import`);
    await page.getByRole('heading', { name: '导入人员', exact: true }).waitFor();

    // The template, through the browser's download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-template').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    template = join(workDir, 'template.xlsx');
    await download.saveAs(template);

    const good = join(workDir, 'two-people.xlsx');
    await fillTemplate(template, people.map(toRow), good);
    await page.locator('input[type=file]').setInputFiles(good);

    // Importing is offered only after a dry run of this file passed.
    expect(await page.getByTestId('import-write').isDisabled()).toBe(true);
    // The dry run runs as a job. A two-row file is done before the page's first look, so
    // that first answer is shown as the job still running halfway: the progress bar.
    let heldFirstPoll = false;
    await page.route('**/api/v1/jobs/*', async (route) => {
      const response = await route.fetch();
      if (heldFirstPoll) return route.fulfill({ response });
      heldFirstPoll = true;
      const job = (await response.json()) as Record<string, unknown>;
      await route.fulfill({
        response,
        json: { ...job, status: 'running', progress: { done: 1, total: 2 }, result: null },
      });
    });
    await page.getByTestId('import-dry-run').click();
    const progress = page.locator('[data-testid=import-progress][data-status=running]');
    await progress.waitFor();
    expect(await progress.innerText()).toContain('已处理 1 / 2 行');
    expect(await progress.locator('.ant-progress').count()).toBe(1);
    await page.unroute('**/api/v1/jobs/*');
    const dryRun = page.locator('[data-testid=import-report][data-outcome=dryRunOk]');
    await dryRun.waitFor();
    expect(await dryRun.innerText()).toContain('新增 2');
    expect(page.url()).toMatch(/[?&]job=[0-9a-f-]{36}/);

    await page.getByTestId('import-write').click();
    const written = page.locator('[data-testid=import-report][data-outcome=written]');
    await written.waitFor();
    expect(await written.innerText()).toContain('新增 2');
    await saveScreenshot(page, 'unit-admin-import-report');

    // Leaving the page and coming back by its link shows the job's report again.
    const jobUrl = page.url();
    expect(jobUrl).toMatch(/[?&]job=[0-9a-f-]{36}/);
    await page.goto(`${url}/people`);
    await page.goto(jobUrl);
    await written.waitFor();
    // The report downloads as xlsx: a summary line under the header row.
    const [reportDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-report').click(),
    ]);
    expect(reportDownload.suggestedFilename()).toMatch(/人员导入报告.*\.xlsx$/);
    const reportFile = join(workDir, 'report.xlsx');
    await reportDownload.saveAs(reportFile);
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.readFile(reportFile);
    const reportSheet = reportBook.worksheets[0]!;
    expect(reportSheet.getRow(1).getCell(1).value).toBe('行号');
    expect(reportSheet.getRow(2).getCell(3).text).toContain('新增 2');

    await page.getByTestId('import-done').click();
    await page.waitForURL(`${url}/people`);
    const listed = await listByName('欧阳', 2);
    expect(listed.map((p) => p.name).sort()).toEqual(people.map((p) => p.name).sort());
    for (const person of listed) expect(person.masked).toMatch(maskedId);
    // The mask keeps the first four and last four characters, X included.
    for (const p of people) {
      const row = listed.find((l) => l.name === p.name)!;
      expect(row.masked.slice(0, 4)).toBe(p.idNumber.slice(0, 4));
      expect(row.masked.slice(-4)).toBe(p.idNumber.slice(-4));
    }
    await expectNoFullIdInPage();
    await saveScreenshot(page, 'unit-admin-people-imported');
  });

  it('reports a bad check digit by row and column and adds nobody', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'unit-admin-import-invalid-failure');
    });
    const url = server!.url;
    const bad = join(workDir, 'bad-check-digit.xlsx');
    await fillTemplate(
      template,
      [
        {
          ...toRow(people[0]!),
          姓名: '欧阳错号',
          身份证号: withWrongCheck(residentId('110105', '1990-01-02', '035')),
        },
        // A valid row in the same file is not written either.
        {
          ...toRow(people[0]!),
          姓名: '欧阳正号',
          身份证号: residentId('110105', '1991-04-05', '047'),
        },
      ],
      bad,
    );

    await page.goto(`${url}/people/import`);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-dry-run').click();
    const report = page.locator('[data-testid=import-report][data-outcome=invalid]');
    await report.waitFor();
    // The job's report downloads with the problem on its row.
    const [issuesDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-report').click(),
    ]);
    const issuesFile = join(workDir, 'issues.xlsx');
    await issuesDownload.saveAs(issuesFile);
    const issuesBook = new ExcelJS.Workbook();
    await issuesBook.xlsx.readFile(issuesFile);
    const issueRow = issuesBook.worksheets[0]!.getRow(3);
    expect([issueRow.getCell(1).value, issueRow.getCell(2).value]).toEqual(['2', '身份证号']);

    await page.getByTestId('import-issues').getByText('第 2 行 身份证号：校验位错误').waitFor();
    expect(await report.innerText()).toContain('未写入任何数据');
    expect(await page.getByTestId('import-write').isDisabled()).toBe(true);
    await saveScreenshot(page, 'unit-admin-import-invalid');

    // Even a real import of the same file, in this session, writes nothing (all rows or none).
    const status = await page.evaluate(
      async (base64: string) => {
        const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const form = new FormData();
        form.append('file', new Blob([bytes]), 'bad-check-digit.xlsx');
        const response = await fetch('/api/v1/people/import?dryRun=false', {
          method: 'POST',
          headers: { 'X-CSRF-Token': me.csrfToken },
          body: form,
        });
        return response.status;
      },
      (await readFile(bad)).toString('base64'),
    );
    expect(status).toBe(422);

    const listed = await listByName('欧阳', 2);
    expect(listed.map((p) => p.name).sort()).toEqual(people.map((p) => p.name).sort());
    await expectNoFullIdInPage();
  });
});
