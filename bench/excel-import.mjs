// `node bench/excel-import.mjs [--rows 100000]`: reads a people workbook of N rows the way
// an import does (zip checks, streaming read, every cell parsed, every ID validated) and
// prints rows per second and the peak resident memory of the reading process. Numbers,
// not assertions: tests never check wall-clock times or memory.
//
// The file is written first, in a separate process, with shared strings and the sheet
// before the string table, as Excel writes it, so the reader's peak is its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const excel = '../packages/server/src/platform/excel/index.ts';
const columns = '../packages/server/src/modules/people/people-columns.ts';

function idNumber(i, checkChar) {
  const first17 = `430102${1960 + (i % 40)}0${1 + (i % 9)}1${i % 9}${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

async function generate(file, rows) {
  const { default: ExcelJS } = await import('exceljs');
  const { residentIdCheckChar } = await import('../packages/domain/src/index.ts');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('人员');
  sheet.addRow(['姓名', '身份证号', '手机号', '专业类别', '中医', '职称级别']).commit();
  const professions = ['医师', '护士', '药师', '技师', '其他'];
  const grades = ['初级', '中级', '副高级', '正高级'];
  for (let i = 0; i < rows; i++) {
    // Distinct IDs are not needed to measure reading; valid ones are.
    sheet
      .addRow([
        `测试${i}`,
        idNumber(i, residentIdCheckChar),
        `139${String(i).padStart(8, '0')}`,
        professions[i % 5],
        i % 7 === 0 ? '是' : '否',
        grades[i % 4],
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function read(file) {
  const { readSheet } = await import(excel);
  const { peopleColumns } = await import(columns);
  const bytes = fs.readFileSync(file);
  const baselineRssMiB = process.memoryUsage().rss / 2 ** 20;
  const started = process.hrtime.bigint();
  const result = await readSheet(bytes, peopleColumns('2026-03-01'), { maxIssues: 10 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    rows: result.rowCount,
    valid: result.rows.length,
    issues: result.issues.count,
    ms,
    fileMiB: bytes.length / 2 ** 20,
    baselineRssMiB,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

const [mode, target, count] = process.argv.slice(2);
if (mode === '--generate') {
  await generate(target, Number(count));
} else if (mode === '--read') {
  process.stdout.write(JSON.stringify(await read(target)));
} else {
  const args = process.argv.slice(2);
  const rows = Number(args[args.indexOf('--rows') + 1] || 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-excel-'));
  const file = path.join(dir, 'people.xlsx');
  const self = import.meta.filename;
  try {
    const made = spawnSync(process.execPath, [self, '--generate', file, String(rows)], {
      stdio: 'inherit',
    });
    if (made.status !== 0) throw new Error('generating the workbook failed');
    const run = spawnSync(process.execPath, [self, '--read', file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    const r = JSON.parse(run.stdout);
    console.log(
      `excel import read: ${r.rows} rows (${r.valid} valid, ${r.issues} issues), ${r.fileMiB.toFixed(1)} MiB file`,
    );
    console.log(
      `  ${(r.ms / 1000).toFixed(2)} s, ${Math.round(r.rows / (r.ms / 1000))} rows/s, peak RSS ${Math.round(r.peakRssMiB)} MiB (${Math.round(r.baselineRssMiB)} MiB before reading)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
