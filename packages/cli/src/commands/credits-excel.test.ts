import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '@jijiao/domain';
import { runJijiao } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-credits-'));
const file = (name: string) => path.join(dataDir, name);

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

function idNumber(serial: number): string {
  const first17 = `430102198104${String(serial).padStart(2, '0')}321`;
  return first17 + residentIdCheckChar(first17);
}

async function writeXlsx(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学分');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file(name));
  return file(name);
}

const unit = '江南区人民医院';
const creditHeaders = ['身份证号', '姓名', '活动类型', '日期', '期刊类别', '排名'];

describe('jijiao credits template|import', () => {
  beforeAll(async () => {
    const seeded = jijiao('seed-demo');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
    const people = await writeXlsx('people.xlsx', [
      ['姓名', '身份证号', '专业类别', '职称级别'],
      ['学分甲', idNumber(1), '医师', '中级'],
      ['学分乙', idNumber(2), '护士', '初级'],
    ]);
    const imported = jijiao('people', 'import', '--unit', unit, people);
    if (imported.status !== 0) throw new Error(imported.stderr);
  }, 180_000);

  it('writes the template', () => {
    const result = jijiao('credits', 'template', file('credits-template.xlsx'));
    expect(result.status).toBe(0);
    expect(fs.readFileSync(file('credits-template.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('prints every problem by row and header, exits 1 and writes nothing', async () => {
    const input = await writeXlsx('bad.xlsx', [
      creditHeaders,
      [idNumber(1), '学分甲', '发表论文', '2024-03-01', '核心期刊', 1],
      [idNumber(2), '别人', '发表论文', '2024-03-01', '核心期刊', 2],
    ]);
    const result = jijiao('credits', 'import', '--unit', unit, input);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('第 3 行 姓名：');
    expect(result.stderr).toContain('nothing was written');
  });

  it('checks in a dry run, then imports, and refuses the same file twice', async () => {
    const input = await writeXlsx('good.xlsx', [
      creditHeaders,
      [idNumber(1), '学分甲', '发表论文', '2024-03-01', '核心期刊', 1],
      [idNumber(2), '学分乙', '发表论文', '2024-03-01', '核心期刊', 2],
    ]);
    const dry = jijiao('credits', 'import', '--unit', unit, '--dry-run', input);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain('created 2');
    expect(dry.stdout).toContain('dry run');
    const real = jijiao('credits', 'import', '--unit', unit, input);
    expect(real.stderr).toBe('');
    expect(real.status).toBe(0);
    expect(real.stdout).toContain('created 2');
    const again = jijiao('credits', 'import', '--unit', unit, input);
    expect(again.status).not.toBe(0);
  });

  it('answers an unknown unit with exit 2', async () => {
    const input = await writeXlsx('any.xlsx', [creditHeaders]);
    const result = jijiao('credits', 'import', '--unit', '没有这个单位', input);
    expect(result.status).toBe(2);
  });
});
