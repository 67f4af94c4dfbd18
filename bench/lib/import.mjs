// Credit import end to end: an .xlsx of online courses for people of the province's
// biggest unit, through `jijiao credits import` (every row checked and valued, then all
// written set-based in one transaction), against COPY of the same rows from CSV into a table of the sheet's
// columns (the floor of getting those rows into PostgreSQL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { runJijiao } from './processes.mjs';
import { serverModules } from './server-modules.mjs';

const headers = ['身份证号', '姓名', '活动类型', '日期', '学时'];

function importRows(sample, count) {
  if (sample.length === 0) throw new Error('the generator kept no people for the import');
  return Array.from({ length: count }, (_, i) => {
    const person = sample[i % sample.length];
    // Distinct days per person (for up to 300 rows a person), all in 2026.
    const round = Math.floor(i / sample.length);
    const date = new Date(Date.UTC(2026, 0, 1 + (round % 300))).toISOString().slice(0, 10);
    return [person.idNumber, person.name, '远程/网络课程', date, 3 * (1 + (i % 4))];
  });
}

export async function importWorkload(url, generated, row, count) {
  const rows = importRows(generated.importSample, count);
  const { pgBulkClient } = await serverModules();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-import-'));
  try {
    const file = path.join(dir, 'credits.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: true,
    });
    const sheet = workbook.addWorksheet('学分');
    sheet.addRow(headers).commit();
    for (const r of rows) sheet.addRow(r).commit();
    sheet.commit();
    await workbook.commit();

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let baselineSeconds;
    try {
      await client.query(
        `create table bench_import_baseline (id_number text, name text, type text, date date, hours numeric)`,
      );
      const csv = rows.map((r) => `${r.join(',')}\n`).join('');
      const started = performance.now();
      await pgBulkClient(client).copyInto(
        'bench_import_baseline',
        ['id_number', 'name', 'type', 'date', 'hours'],
        csv,
        'csv',
      );
      baselineSeconds = (performance.now() - started) / 1000;
    } finally {
      await client.end();
    }
    const run = await runJijiao(['credits', 'import', file, '--unit', generated.biggestUnitId], {
      databaseUrl: url,
    });
    return row(`credit import, ${count}-row xlsx (jijiao credits import)`, {
      ours: count / run.seconds,
      baseline: count / baselineSeconds,
      unit: 'rows/s',
      target: { absolute: 20_000, text: '≥ 20 000 rows/s' },
      peakRssMb: run.peakRssMb,
      note: `${round2(run.seconds)} s end to end (CLI start included) vs COPY ${round2(baselineSeconds)} s`,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round2 = (n) => Number(n.toFixed(2));
