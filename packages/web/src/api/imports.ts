import { importReportSchema, type ImportReport } from '@jijiao/contracts';
import { requestFile, request, type Query } from './client';
import { isApiError, type ApiError } from './errors';

/** The report an `import_invalid` error carries in `details.report`, if it has a valid one. */
export function importReportOf(error: ApiError): ImportReport | null {
  if (error.code !== 'import_invalid') return null;
  const parsed = importReportSchema.safeParse(error.details['report']);
  return parsed.success ? parsed.data : null;
}

/**
 * Uploads an Excel file to an import endpoint. A file with invalid rows is an answer, not
 * a failure: its report (written: false, with every issue) resolves like a good one.
 */
export async function uploadImport(
  path: string,
  file: Blob,
  fileName: string,
  query: Query,
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, fileName);
  try {
    return await request('POST', path, importReportSchema, { query, form });
  } catch (error) {
    const report = isApiError(error) ? importReportOf(error) : null;
    if (report !== null) return report;
    throw error;
  }
}

export function downloadFile(path: string, query: Query | undefined, fallbackName: string) {
  return requestFile(path, query, fallbackName);
}
