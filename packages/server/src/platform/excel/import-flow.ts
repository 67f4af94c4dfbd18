import {
  importIssueSchema,
  importReportSchema,
  type ImportReport,
  type FieldIssue,
} from '@jijiao/contracts';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { ProgressListener } from '../jobs/progress';
import type { ImportIssues } from './import-issues';
import type { SheetRead } from './read-sheet';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The issues a service's own `import_invalid` carries in `details.issues`, if any. */
function serviceIssues(error: unknown) {
  if (!(error instanceof AppError) || error.code !== 'import_invalid') return undefined;
  const parsed = z.array(importIssueSchema).safeParse(error.details?.issues);
  return parsed.success ? parsed.data : [];
}

function invalid(report: ImportReport): AppError {
  const issues: FieldIssue[] = report.issues.map((i) => ({
    path: i.column ? `rows.${i.row}.${i.column}` : `rows.${i.row}`,
    message: i.message,
  }));
  return new AppError(
    'import_invalid',
    `The file has ${report.issues.length} problem(s); nothing was written`,
    { report },
    issues,
  );
}

/**
 * The end of every import: the file's own problems and the service's (unit out of scope,
 * a person registered elsewhere, …) are reported together, and only a file without any is
 * written, by `write` in the service's one transaction. With problems in the file the
 * service still checks the valid rows in a dry run, so one upload shows every problem.
 */
export async function finishImport(options: {
  rowCount: number;
  issues: ImportIssues;
  hasRecords: boolean;
  dryRun: boolean;
  write: (dryRun: boolean) => Promise<ImportCounts>;
}): Promise<ImportReport> {
  const { issues, dryRun } = options;
  const report = (counts: ImportCounts, written: boolean): ImportReport => ({
    dryRun,
    written,
    rows: options.rowCount,
    ...counts,
    issues: issues.toArray(),
  });
  const none = { created: 0, updated: 0, unchanged: 0 };
  const hadIssues = issues.count > 0;
  try {
    if (hadIssues) {
      if (options.hasRecords) await options.write(true);
    } else {
      return report(await options.write(dryRun), !dryRun);
    }
  } catch (error) {
    const found = serviceIssues(error);
    if (!found) throw error;
    issues.addAll(found);
  }
  throw invalid(report(none, false));
}

/**
 * The progress of checking a read sheet, row by row: rows the reader already refused count
 * as done, so `done` reaches the file's row count. Call it with each valid row's index.
 */
export function rowProgress(
  progress: ProgressListener,
  read: Pick<SheetRead<unknown>, 'rowCount' | 'rows'>,
): (index: number) => Promise<void> {
  const refused = read.rowCount - read.rows.length;
  return (index) => progress(refused + index + 1, read.rowCount);
}

/**
 * An import as a job's result: a file with invalid rows answers its report (written:
 * false, every issue) like a good one; only other errors fail the job.
 */
export async function reportEvenIfInvalid(run: () => Promise<ImportReport>): Promise<ImportReport> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'import_invalid') {
      const report = importReportSchema.safeParse(error.details?.report);
      if (report.success) return report.data;
    }
    throw error;
  }
}
