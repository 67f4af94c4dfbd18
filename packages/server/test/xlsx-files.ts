import zlib from 'node:zlib';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Hand-built xlsx files for the reader's tests: the variants other programs write
 * (LibreOffice and WPS use inline strings, some tools write no shared-string table), and
 * broken or hostile zips exceljs would never produce.
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Buffer | string;
  /** Lie about the unzipped size in both headers (zip-bomb tests). */
  declaredSize?: number;
  /** Leave the entry out of the central directory (hidden-entry test). */
  hidden?: boolean;
}

/** A plain zip: deflated entries, sizes in the local headers, no data descriptors. */
export function buildZip(inputs: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const raw = Buffer.isBuffer(input.data) ? input.data : Buffer.from(input.data, 'utf8');
    const packed = zlib.deflateRawSync(raw);
    const name = Buffer.from(input.name, 'utf8');
    const size = input.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    if (!input.hidden) {
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(0x0800, 8);
      entry.writeUInt16LE(8, 10);
      entry.writeUInt32LE(crc32(raw), 16);
      entry.writeUInt32LE(packed.length, 20);
      entry.writeUInt32LE(size, 24);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt32LE(offset, 42);
      directory.push(entry, name);
    }
    offset += 30 + name.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = inputs.filter((i) => !i.hidden).length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cells of a raw sheet, written the way other programs write them. */
export const rawCell = {
  inline: (text: string) => ({ t: 'inlineStr', body: `<is><t>${escapeXml(text)}</t></is>` }),
  shared: (index: number) => ({ t: 's', body: `<v>${index}</v>` }),
  number: (value: string | number) => ({ t: undefined, body: `<v>${value}</v>` }),
  /** A number with the built-in date format 14 (styles.xml below puts it at index 1). */
  date: (serial: number) => ({ t: undefined, s: 1, body: `<v>${serial}</v>` }),
};
type RawCell = { t: string | undefined; s?: number; body: string } | null;

function columnName(index: number): string {
  return String.fromCharCode(65 + index);
}

export function rawSheetXml(rows: readonly (readonly RawCell[])[]): string {
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((cell, c) => {
          if (!cell) return '';
          const attrs = `r="${columnName(c)}${r + 1}"${cell.t ? ` t="${cell.t}"` : ''}${cell.s ? ` s="${cell.s}"` : ''}`;
          return `<c ${attrs}>${cell.body}</c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}"><sheetData>${body}</sheetData></worksheet>`;
}

const stylesXml = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/**
 * A minimal workbook: `sheets` in workbook order (the first is the one read), optional
 * shared strings, the parts in the order given by `partOrder` (`'sheets-first'` as Excel
 * and LibreOffice write them).
 */
export function buildRawXlsx(options: {
  sheets: readonly string[];
  sharedStrings?: readonly string[];
  /** Map workbook position → part number, e.g. [2, 1]: the first sheet lives in sheet2.xml. */
  partNumbers?: readonly number[];
  /** Shared strings before the sheets (exceljs then streams the sheet instead of spooling it). */
  sharedStringsFirst?: boolean;
}): Buffer {
  const parts = options.partNumbers ?? options.sheets.map((_, i) => i + 1);
  const overrides = parts
    .map(
      (p) =>
        `<Override PartName="/xl/worksheets/sheet${p}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const entries: ZipInput[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>${parts.map((p, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${p}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.map((p) => `<Relationship Id="rId${p}" Type="${rel}/worksheet" Target="worksheets/sheet${p}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', data: stylesXml },
  ];
  // In part order, as writers do: sheet1.xml first even when it is not the first sheet.
  const sheets = options.sheets
    .map((xml, i) => ({ part: parts[i] ?? i + 1, data: xml }))
    .sort((a, b) => a.part - b.part)
    .map(({ part, data }) => ({ name: `xl/worksheets/sheet${part}.xml`, data }));
  const strings = options.sharedStrings
    ? [
        {
          name: 'xl/sharedStrings.xml',
          data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${options.sharedStrings.length}">${options.sharedStrings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('')}</sst>`,
        },
      ]
    : [];
  return buildZip(
    options.sharedStringsFirst
      ? [...entries, ...strings, ...sheets]
      : [...entries, ...sheets, ...strings],
  );
}

/** An xlsx written by exceljs (in memory) from rows of cell values. */
export async function buildExcelJsXlsx(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  setUp?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  setUp?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Collects what a writer streams, for reading it back. */
export async function collect(write: (stream: PassThrough) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  await write(stream);
  await ended;
  return Buffer.concat(chunks);
}
