import zlib from 'node:zlib';
import { AppError } from '../errors/app-error';
import { readZipDirectory, ZipStructureError, type ZipEntry } from './zip-directory';

export interface XlsxLimits {
  /** The upload itself (JIJIAO_IMPORT_MAX_BYTES). */
  maxBytes: number;
  /** Everything inside once unzipped. */
  maxUnzippedBytes: number;
  /** Unzipped over zipped; applied above `ratioFloorBytes` so tiny files never trip it. */
  maxCompressionRatio: number;
}

const mebibyte = 1024 * 1024;
export const defaultXlsxLimits: XlsxLimits = {
  maxBytes: 20 * mebibyte,
  maxUnzippedBytes: 200 * mebibyte,
  maxCompressionRatio: 100,
};
const ratioFloorBytes = 10 * mebibyte;

export type DetectedFormat =
  'xls' | 'csv' | 'html' | 'pdf' | 'ods' | 'docx' | 'zip' | 'empty' | 'unknown';

const descriptions: Readonly<Record<DetectedFormat, string>> = {
  xls: 'an Excel 97–2003 .xls file (or a password-protected workbook)',
  csv: 'a text (CSV) file',
  html: 'a web page (HTML) saved with a spreadsheet name',
  pdf: 'a PDF document',
  ods: 'an OpenDocument spreadsheet (.ods)',
  docx: 'a Word document',
  zip: 'a zip archive, not an Excel workbook',
  empty: 'empty',
  unknown: 'not a spreadsheet',
};

function unsupported(detected: DetectedFormat): AppError {
  return new AppError(
    'unsupported_file',
    `The file is ${descriptions[detected]}: save it in Excel or WPS as "Excel Workbook (*.xlsx)" and upload that`,
    { detected },
  );
}

function tooLarge(what: string): AppError {
  return new AppError(
    'unsupported_file',
    `The workbook ${what}: it is not a plausible spreadsheet (possibly a zip bomb), so it was not opened`,
    { detected: 'zip_bomb' },
  );
}

function damaged(reason: string): AppError {
  return new AppError(
    'unsupported_file',
    `The file is not a readable xlsx workbook (${reason}): open it in Excel or WPS and save it again as .xlsx`,
    { detected: 'damaged' },
  );
}

/** What a non-zip upload probably is, from its first bytes. */
function sniff(file: Buffer): DetectedFormat {
  if (file.length === 0) return 'empty';
  if (file.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'xls';
  const head = file
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('<')) return 'html';
  // Text without NUL bytes, in UTF-8 or GBK alike: what "save as CSV" produces.
  if (!file.subarray(0, 4096).includes(0)) return 'csv';
  return 'unknown';
}

function formatOfZip(entries: readonly ZipEntry[]): DetectedFormat | 'xlsx' {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('[Content_Types].xml') && names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('content.xml') && names.has('mimetype')) return 'ods';
  return 'zip';
}

/** Inflates without keeping the output, stopping as soon as it passes `limit`. */
function inflatedSize(entry: ZipEntry, file: Buffer, limit: number): Promise<number> {
  const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return Promise.resolve(data.length);
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => {
      resolve(total);
    });
    inflate.on('error', reject);
    inflate.end(data);
  });
}

/**
 * Refuses, before exceljs sees it, anything that is not a sound xlsx of plausible size:
 * the wrong format (415 `unsupported_file`, naming what it is), too many bytes (413), or
 * an unzipped size beyond the limits. Declared sizes can lie, so each entry is also
 * inflated (output discarded) and must not exceed what it declares.
 */
export async function checkXlsx(
  file: Buffer,
  limits: XlsxLimits = defaultXlsxLimits,
): Promise<ZipEntry[]> {
  if (file.length > limits.maxBytes) {
    throw new AppError(
      'file_too_large',
      `The file has ${file.length} bytes; the limit is ${limits.maxBytes} bytes`,
      { bytes: file.length, maxBytes: limits.maxBytes },
    );
  }
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) throw unsupported(sniff(file));
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(file);
  } catch (error) {
    if (!(error instanceof ZipStructureError)) throw error;
    throw damaged(error.message);
  }
  const format = formatOfZip(entries);
  if (format !== 'xlsx') throw unsupported(format);

  const unzipped = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const zipped = entries.reduce((sum, e) => sum + e.compressedSize, 0);
  if (unzipped > limits.maxUnzippedBytes)
    throw tooLarge(`unzips to ${unzipped} bytes (limit ${limits.maxUnzippedBytes})`);
  if (unzipped > ratioFloorBytes && unzipped > zipped * limits.maxCompressionRatio)
    throw tooLarge(`unzips ${Math.round(unzipped / Math.max(zipped, 1))} times larger than it is`);
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8)
      throw damaged(`entry ${entry.name} uses compression method ${entry.method}`);
    let actual: number;
    try {
      actual = await inflatedSize(entry, file, entry.uncompressedSize);
    } catch {
      throw damaged(`entry ${entry.name} does not inflate`);
    }
    if (actual > entry.uncompressedSize)
      throw tooLarge(
        `entry ${entry.name} unzips to more than the ${entry.uncompressedSize} bytes it declares`,
      );
  }
  return entries;
}
