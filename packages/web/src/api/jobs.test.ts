import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from './client';
import { fetchJob, startCreditsImport, startPeopleImport } from './jobs';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const jobId = '4f7d3c1e-2b6a-4c8e-9f10-1a2b3c4d5e6f';

describe('import jobs', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  const file = new Blob(['PK'], { type: 'application/octet-stream' });

  it('asks the import endpoint for a job (async=true) and answers its id', async () => {
    fetchMock.mockResolvedValueOnce(json(202, { jobId, status: 'queued' }));
    await expect(
      startPeopleImport(file, 'staff.xlsx', { dryRun: true, unitId: 'u1' }),
    ).resolves.toEqual({ jobId, status: 'queued' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/people/import?dryRun=true&unitId=u1&async=true');
    expect((init!.body as FormData).get('file')).toBeInstanceOf(Blob);
  });

  it('puts the unit in the credit import’s path', async () => {
    fetchMock.mockResolvedValueOnce(json(202, { jobId, status: 'queued' }));
    await startCreditsImport('unit-1', file, 'c.xlsx', { dryRun: false });
    expect(fetchMock.mock.calls[0]![0]).toBe(
      '/api/v1/units/unit-1/credits/import?dryRun=false&async=true',
    );
  });

  it('reads a job with its progress and report', async () => {
    const job = {
      id: jobId,
      kind: 'people_import',
      status: 'running',
      progress: { done: 500, total: 2000 },
      result: null,
      error: null,
      fileName: 'staff.xlsx',
      createdAt: '2026-12-06T01:00:00.000Z',
      startedAt: '2026-12-06T01:00:01.000Z',
      finishedAt: null,
    };
    fetchMock.mockResolvedValueOnce(json(200, job));
    await expect(fetchJob(jobId)).resolves.toEqual(job);
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/v1/jobs/${jobId}`);
  });
});
