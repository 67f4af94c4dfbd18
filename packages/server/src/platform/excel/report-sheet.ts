import type { Readable } from 'node:stream';
import type { ImportReport } from '@jijiao/contracts';
import { column, ok } from './column-spec';
import { workbookStream, writeSheet, type ExportRow } from './write-sheet';

const asText = (cell: unknown) => ok(String(cell));

const reportColumns = {
  row: column({ header: '行号', required: false, parse: asText, width: 10 }),
  column: column({ header: '列', required: false, parse: asText, width: 16 }),
  message: column({ header: '问题', required: false, parse: asText, width: 80 }),
};

/** The first line of a report: what happened to the file as a whole. */
function summaryOf(report: ImportReport): string {
  const counts = `共 ${report.rows} 行：新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}`;
  if (report.issues.length > 0)
    return `有 ${report.issues.length} 处问题，未写入任何数据（${counts.replace(/：.*/, '')}）`;
  return report.written ? `已导入。${counts}` : `检查通过，未写入（试导入）。${counts}`;
}

/**
 * An import's report as a workbook: a summary line, then every problem by row and column,
 * as the page lists them, so a large file's problems can be worked through in Excel.
 */
export function importReportWorkbook(report: ImportReport): Readable {
  function* rows(): Generator<ExportRow<typeof reportColumns>> {
    yield { message: summaryOf(report) };
    for (const issue of report.issues)
      yield { row: String(issue.row), column: issue.column, message: issue.message };
  }
  return workbookStream((stream) =>
    writeSheet(reportColumns, rows(), stream, { sheetName: '导入报告' }),
  );
}
