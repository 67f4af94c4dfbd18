import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '@jijiao/contracts';
import { fileNameFromDisposition, setCsrfToken } from './client';
import { toApiError } from './errors';
import { importReportOf, uploadImport } from './imports';
import { searchUnits } from './orgs';

const invalidReport: ImportReport = {
  dryRun: true,
  written: false,
  rows: 3,
  created: 0,
  updated: 0,
  unchanged: 0,
  issues: [{ row: 3, column: '身份证号', message: '校验位错误' }],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('importReportOf', () => {
  it('reads the report of an import_invalid error', () => {
    const error = toApiError(422, {
      error: { code: 'import_invalid', message: 'x', details: { report: invalidReport } },
    });
    expect(importReportOf(error)).toEqual(invalidReport);
  });

  it.each([
    ['another code', toApiError(415, { error: { code: 'unsupported_file', message: 'x' } })],
    ['no report', toApiError(422, { error: { code: 'import_invalid', message: 'x' } })],
    [
      'a malformed report',
      toApiError(422, {
        error: { code: 'import_invalid', message: 'x', details: { report: { rows: 'many' } } },
      }),
    ],
  ])('is null for %s', (_label, error) => {
    expect(importReportOf(error)).toBeNull();
  });
});

describe('uploadImport', () => {
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

  it('posts the file as multipart field `file` with the CSRF token and the options', async () => {
    const report = { ...invalidReport, issues: [], written: false, created: 2 };
    fetchMock.mockResolvedValueOnce(json(200, report));
    await expect(
      uploadImport('/api/v1/people/import', file, 'staff.xlsx', { dryRun: true, unitId: 'u1' }),
    ).resolves.toEqual(report);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/people/import?dryRun=true&unitId=u1');
    expect(init!.method).toBe('POST');
    const headers = init!.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('token-1');
    // The browser writes the multipart boundary itself.
    expect(headers['Content-Type']).toBeUndefined();
    const body = init!.body as FormData;
    expect(body.get('file')).toBeInstanceOf(Blob);
    expect((body.get('file') as File).name).toBe('staff.xlsx');
  });

  it('answers an invalid file with its report rather than failing', async () => {
    fetchMock.mockResolvedValueOnce(
      json(422, {
        error: { code: 'import_invalid', message: 'x', details: { report: invalidReport } },
      }),
    );
    await expect(
      uploadImport('/api/v1/people/import', file, 'a.xlsx', { dryRun: false }),
    ).resolves.toEqual(invalidReport);
  });

  it.each([
    [415, 'unsupported_file'],
    [413, 'file_too_large'],
    [403, 'forbidden'],
  ])('rejects on %i %s', async (status, code) => {
    fetchMock.mockResolvedValueOnce(json(status, { error: { code, message: 'x' } }));
    await expect(
      uploadImport('/api/v1/people/import', file, 'a.xlsx', { dryRun: true }),
    ).rejects.toMatchObject({ code, status });
  });
});

describe('searchUnits', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('reads the unit directory with the contract schema', async () => {
    const unit = {
      id: 'fe076f33-94cf-4b9f-98dd-0b2291229ff4',
      name: '江南区人民医院',
      regionCode: '990102',
      parentName: '东湖市江南区卫生健康局',
    };
    fetchMock.mockResolvedValueOnce(json(200, { items: [unit] }));
    await expect(searchUnits(' 江南 ')).resolves.toEqual({ items: [unit] });
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/v1/units?q=${encodeURIComponent('江南')}`);
  });

  it('lists the first units when nothing is typed', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { items: [] }));
    await searchUnits('  ');
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/units');
  });

  it('reports a directory that breaks its shape', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { items: [{ name: 'no id' }] }));
    await expect(searchUnits('x')).rejects.toMatchObject({ code: 'unexpected_response' });
  });
});

describe('fileNameFromDisposition', () => {
  it.each<[string | null, string]>([
    [null, 'fallback.xlsx'],
    ['attachment', 'fallback.xlsx'],
    ['attachment; filename="people.xlsx"', 'people.xlsx'],
    ['attachment; filename=people.xlsx', 'people.xlsx'],
    [
      `attachment; filename="people.xlsx"; filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`,
      '人员导入模板.xlsx',
    ],
    ["attachment; filename*=UTF-8''%E4%BA%BA%E5%91%98.xlsx", '人员.xlsx'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename*=UTF-8\'\'%E4%ZZ; filename="plain.xlsx"', 'plain.xlsx'],
    ['attachment; filename=".."', 'fallback.xlsx'],
  ])('%j → %s', (header, expected) => {
    expect(fileNameFromDisposition(header, 'fallback.xlsx')).toBe(expected);
  });
});
