import { jobAcceptedSchema, jobSchema, type JobAccepted } from '@jijiao/contracts';
import { request, type Query } from './client';
import { downloadFile } from './imports';

const jobPath = (id: string) => `/api/v1/jobs/${encodeURIComponent(id)}`;

/** Uploads an Excel file to an import endpoint as a job (ADR 0024): 202 and the job's id. */
export function startImportJob(
  path: string,
  file: Blob,
  fileName: string,
  query: Query,
): Promise<JobAccepted> {
  const form = new FormData();
  form.append('file', file, fileName);
  return request('POST', path, jobAcceptedSchema, { query: { ...query, async: true }, form });
}

export function fetchJob(id: string) {
  return request('GET', jobPath(id), jobSchema);
}

export function downloadJobReport(id: string) {
  return downloadFile(`${jobPath(id)}/report.xlsx`, undefined, 'import-report.xlsx');
}

export function startPeopleImport(
  file: Blob,
  fileName: string,
  options: { dryRun: boolean; unitId?: string | undefined },
) {
  return startImportJob('/api/v1/people/import', file, fileName, options);
}

export function startProjectsImport(file: Blob, fileName: string, options: { dryRun: boolean }) {
  return startImportJob('/api/v1/projects/import', file, fileName, options);
}

export function startCreditsImport(
  unitId: string,
  file: Blob,
  fileName: string,
  options: { dryRun: boolean },
) {
  return startImportJob(
    `/api/v1/units/${encodeURIComponent(unitId)}/credits/import`,
    file,
    fileName,
    options,
  );
}
