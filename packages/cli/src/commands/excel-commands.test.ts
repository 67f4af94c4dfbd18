import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// exceljs comes with @jijiao/server; the tests use it to write the files users would.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '@jijiao/domain';
import { runJijiao } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-excel-'));
const file = (name: string) => path.join(dataDir, name);

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

function idNumber(serial: number): string {
  const first17 = `430102197603${String(serial).padStart(2, '0')}123`;
  return first17 + residentIdCheckChar(first17);
}

async function writeXlsx(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file(name));
  return file(name);
}

const peopleHeaders = ['姓名', '身份证号', '专业类别', '职称级别'];

describe('jijiao people and projects: Excel files', () => {
  beforeAll(() => {
    const seeded = jijiao('seed-demo');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  }, 120_000);

  it('writes the templates', () => {
    const people = jijiao('people', 'template', file('people-template.xlsx'));
    expect(people.stderr).toBe('');
    expect(people.status).toBe(0);
    expect(fs.readFileSync(file('people-template.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(jijiao('projects', 'template', file('projects-template.xlsx')).status).toBe(0);
  });

  it('prints every problem by row and header, exits 1 and writes nothing', async () => {
    const good = idNumber(1);
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const input = await writeXlsx('bad.xlsx', [
      peopleHeaders,
      ['命令甲', good, '医师', '中级'],
      ['命令乙', bad, '护士', '高级'],
    ]);
    const result = jijiao('people', 'import', input, '--unit', '江南区人民医院');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('第 3 行 身份证号：校验位错误\n');
    expect(result.stderr).toContain('第 3 行 职称级别：应为初级、中级、副高级、正高级之一\n');
    expect(result.stderr).toContain('nothing was written');
    const dry = jijiao(
      'people',
      'import',
      await writeXlsx('one.xlsx', [peopleHeaders, ['命令甲', good, '医师', '中级']]),
      '--unit',
      '江南区人民医院',
      '--dry-run',
    );
    expect(dry.stdout).toBe('created 1, updated 0, unchanged 0 (dry run: nothing written)\n');
  });

  it('imports a valid file, and re-importing it changes nothing', async () => {
    const input = await writeXlsx('good.xlsx', [
      peopleHeaders,
      ['命令丙', idNumber(2), '医师', '中级'],
      ['命令丁', idNumber(3), '药师', '初级'],
    ]);
    const first = jijiao('people', 'import', input, '--unit', '江南区人民医院');
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('created 2, updated 0, unchanged 0\n');
    expect(jijiao('people', 'import', input, '--unit', '江南区人民医院').stdout).toBe(
      'created 0, updated 0, unchanged 2\n',
    );
  });

  it('exports people with masked ID numbers', async () => {
    const result = jijiao('people', 'export', file('export.xlsx'), '--unit', '江南区人民医院');
    expect(result.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('export.xlsx'));
    const rows = workbook.worksheets[0]!.getSheetValues().flatMap((r) =>
      Array.isArray(r) ? [r] : [],
    );
    const imported = rows.find((r) => r[1] === '命令丙');
    expect(imported?.[2]).toBe(`4301**********${idNumber(2).slice(-4)}`);
    expect(fs.existsSync(file('export.xlsx.part'))).toBe(false);
  });

  it('imports projects for a host named on the command line', async () => {
    const input = await writeXlsx('projects.xlsx', [
      [
        '项目编号',
        '项目名称',
        '级别',
        '开始日期',
        '结束日期',
        '举办地点',
        '学时',
        '授予学员学分',
        '授予讲者学分',
      ],
      [
        '2027-04-08-201（省）',
        '命令行导入学习班',
        '省级',
        '2027-05-10',
        '2027-05-11',
        '东湖市',
        8,
        2,
        1,
      ],
    ]);
    const result = jijiao('projects', 'import', input, '--unit', '演示省医学会');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('created 1, updated 0, unchanged 0\n');
  });

  it('refuses a file that is not xlsx, saying what it is', () => {
    fs.writeFileSync(file('people.csv'), '姓名,身份证号\n张三,11010519491231002X\n');
    const result = jijiao('people', 'import', file('people.csv'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('a text (CSV) file');
    expect(result.stderr).toContain('.xlsx');
  });

  it('refuses a data directory a running server holds', () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(
        path.join(dataDir, 'jijiao.lock'),
        JSON.stringify({
          pid: holder.pid,
          command: 'jijiao start',
          startedAt: '2026-11-22T08:00:00Z',
        }),
      );
      const result = jijiao('people', 'import', file('good.xlsx'), '--unit', '江南区人民医院');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`in use by process ${String(holder.pid)}`);
      expect(result.stderr).not.toContain('    at ');
    } finally {
      holder.kill();
      fs.rmSync(path.join(dataDir, 'jijiao.lock'), { force: true });
    }
  });
});
