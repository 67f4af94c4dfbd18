import { importIssueSchema, type ImportReport, type FieldIssue } from '@jijiao/contracts';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { ImportIssues } from './import-issues';

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
