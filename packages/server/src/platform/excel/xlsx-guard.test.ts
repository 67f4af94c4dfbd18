import { describe, expect, it } from 'vitest';
import {
  buildExcelJsXlsx,
  buildRawXlsx,
  buildZip,
  rawCell,
  rawSheetXml,
} from '../../../test/xlsx-files';
import { AppError } from '../errors/app-error';
import { checkXlsx, defaultXlsxLimits } from './xlsx-guard';

async function refusal(file: Buffer, limits = defaultXlsxLimits): Promise<AppError> {
  try {
    await checkXlsx(file, limits);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const minimal = () => buildRawXlsx({ sheets: [rawSheetXml([[rawCell.inline('姓名')]])] });

describe('checkXlsx', () => {
  it('accepts workbooks written by exceljs and by hand', async () => {
    const workbook: unknown = expect.arrayContaining([
      expect.objectContaining({ name: 'xl/workbook.xml' }),
    ]);
    await expect(checkXlsx(await buildExcelJsXlsx([['姓名'], ['张三']]))).resolves.toEqual(
      workbook,
    );
    await expect(checkXlsx(minimal())).resolves.toEqual(workbook);
  });

  it.each([
    ['csv', Buffer.from('姓名,身份证号\n张三,11010519491231002X\n', 'utf8'), 'a text (CSV) file'],
    ['xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]), '.xls'],
    ['html', Buffer.from('<html><table><tr><td>张三</td></tr></table></html>'), 'web page'],
    ['pdf', Buffer.from('%PDF-1.7\n...'), 'PDF'],
    ['empty', Buffer.alloc(0), 'empty'],
    [
      'docx',
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: '<w/>' },
      ]),
      'Word',
    ],
    ['zip', buildZip([{ name: 'readme.txt', data: 'hello' }]), 'zip archive'],
  ])('refuses a %s file, saying what it is and to save as .xlsx', async (detected, file, words) => {
    const error = await refusal(file);
    expect(error.code).toBe('unsupported_file');
    expect(error.details).toEqual({ detected });
    expect(error.message).toContain(words);
    expect(error.message).toContain('.xlsx');
  });

  it('refuses a file over the size limit with file_too_large', async () => {
    const file = minimal();
    const error = await refusal(file, { ...defaultXlsxLimits, maxBytes: file.length - 1 });
    expect(error.code).toBe('file_too_large');
    expect(error.details).toEqual({ bytes: file.length, maxBytes: file.length - 1 });
  });

  it('refuses a workbook whose declared unzipped size is over the limit', async () => {
    const file = buildRawXlsx({ sheets: [rawSheetXml([[rawCell.inline('x'.repeat(4096))]])] });
    const error = await refusal(file, { ...defaultXlsxLimits, maxUnzippedBytes: 4000 });
    expect(error.code).toBe('unsupported_file');
    expect(error.details).toEqual({ detected: 'zip_bomb' });
  });

  it('refuses an implausible compression ratio', async () => {
    const zeros = Buffer.alloc(11 * 1024 * 1024);
    const file = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: zeros },
    ]);
    const error = await refusal(file);
    expect(error.details).toEqual({ detected: 'zip_bomb' });
    expect(error.message).toMatch(/unzips \d+ times larger/);
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    const file = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(1024 * 1024), declaredSize: 100 },
    ]);
    const error = await refusal(file);
    expect(error.details).toEqual({ detected: 'zip_bomb' });
    expect(error.message).toContain('more than the 100 bytes it declares');
  });

  it('refuses an entry hidden from the central directory', async () => {
    const file = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(1024), hidden: true },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
    ]);
    const error = await refusal(file);
    expect(error.details).toEqual({ detected: 'damaged' });
  });

  it('refuses a truncated workbook', async () => {
    const file = minimal();
    const error = await refusal(file.subarray(0, file.length - 30));
    expect(error.code).toBe('unsupported_file');
    expect(error.details).toEqual({ detected: 'damaged' });
  });
});
