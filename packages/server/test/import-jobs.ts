import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { importReportOf, type ImportReport, type Job, type JobAccepted } from '@jijiao/contracts';
import type { JobRunner } from '../src/modules/jobs/job-runner';
import type { Session, TestApp } from './build-app';
import { multipartFile } from './excel-routes';

/**
 * An import through the job flow, as the web app runs it: the upload with `async=true`
 * answers 202 and a queued job; the runner runs it; the job then holds the report.
 */
export async function importAsJob(
  t: TestApp,
  runner: JobRunner,
  session: Session,
  url: string,
  file: Buffer,
  fileName = '导入.xlsx',
): Promise<{ job: Job; report: ImportReport }> {
  const body = multipartFile(file, { fileName });
  const accepted = await t.app.inject({
    method: 'POST',
    url: `${url}${url.includes('?') ? '&' : '?'}async=true`,
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
  });
  expect(accepted.statusCode, accepted.body).toBe(202);
  const { jobId, status } = accepted.json<JobAccepted>();
  expect(status).toBe('queued');
  const queued = await jobOf(t, session, jobId);
  expect(queued).toMatchObject({ status: 'queued', result: null, progress: { done: 0 } });
  await runner.drain();
  const job = await jobOf(t, session, jobId);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  const report = importReportOf(job);
  if (report === null) throw new Error(`no import report: ${JSON.stringify(job.result)}`);
  expect(job.progress).toEqual({ done: report.rows, total: report.rows });
  return { job, report };
}

export async function jobOf(t: TestApp, session: Session, id: string): Promise<Job> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/jobs/${id}`,
    headers: session.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Job>();
}

/** The job's report downloaded as xlsx, read back: each row's cells as text. */
export async function downloadedReport(
  t: TestApp,
  session: Session,
  id: string,
): Promise<string[][]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/jobs/${id}/report.xlsx`,
    headers: session.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-disposition']).toMatch(/report/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) =>
          v === null || v === undefined
            ? ''
            : typeof v === 'string' || typeof v === 'number'
              ? String(v)
              : JSON.stringify(v),
        ),
    );
  });
  return rows;
}
