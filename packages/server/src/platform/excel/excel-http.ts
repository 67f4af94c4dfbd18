import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { z } from 'zod';
import { AppError } from '../errors/app-error';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `?async=true`: answer 202 with a job to follow (`GET /api/v1/jobs/:id`) instead of
 * holding the request until the whole file is checked and written (ADR 0024).
 */
export const asyncImportQuery = {
  async: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: queue the import as a job and answer 202 with its id'),
};

/** `?dryRun=true&unitId=…` of an import: check only, and the unit rows without 单位 go to. */
export const importQuerySchema = z.object({
  ...asyncImportQuery,
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: check every row and report, write nothing'),
  unitId: z.uuid().optional().describe('Default unit for rows whose 单位 is empty'),
});

function isFastifyError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * The one file of a multipart upload (field `file`), in memory: at most `maxBytes`, which
 * the xlsx checks need whole anyway (the zip directory sits at its end).
 */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  return (await readUploadedFileNamed(request, maxBytes)).bytes;
}

/** As `readUploadedFile`, with the file name the client gave (for provenance). */
export async function readUploadedFileNamed(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ bytes: Buffer; fileName: string }> {
  const noFile = () =>
    new AppError(
      'validation_failed',
      'file: attach the .xlsx file as form field "file"',
      undefined,
      [{ path: 'file', message: '请选择要导入的 .xlsx 文件' }],
    );
  if (!request.isMultipart()) throw noFile();
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part || part.fieldname !== 'file') throw noFile();
    return { bytes: await part.toBuffer(), fileName: part.filename || 'upload.xlsx' };
  } catch (error) {
    if (isFastifyError(error, 'FST_REQ_FILE_TOO_LARGE')) {
      throw new AppError(
        'file_too_large',
        `The file is larger than the limit of ${maxBytes} bytes`,
        {
          maxBytes,
        },
      );
    }
    throw error;
  }
}

/**
 * Sends a workbook as a download. The Chinese name goes in RFC 5987 `filename*`; the plain
 * `filename` is an ASCII fallback for old clients.
 */
export function sendWorkbook(
  reply: FastifyReply,
  stream: Readable,
  names: { fileName: string; asciiFileName: string },
): FastifyReply {
  return reply
    .header('content-type', xlsxContentType)
    .header(
      'content-disposition',
      `attachment; filename="${names.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(names.fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(stream);
}
