import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type { ZipEntry } from './zip-directory';

/**
 * The byte stream handed to exceljs's streaming reader, rebuilt from an already checked
 * upload, because of two exceljs 4.4 defects:
 *
 * - It decodes each inflated chunk of XML on its own, so a Chinese character split across
 *   two chunks turns into U+FFFD: names silently corrupted, once every ~16 KiB. Every part
 *   is therefore passed on as ASCII, other characters written as XML character references
 *   (`&#24352;`), which its XML parser turns back into the same characters.
 * - A worksheet stored before the shared strings (as Excel and LibreOffice write them) is
 *   spooled to a temporary file, and on that path the entry after it is sometimes lost
 *   (exceljs issue #683: cells read as `{ sharedString: n }`). So the parts the reader
 *   needs come first — workbook relations, workbook, styles, shared strings (an empty
 *   table when the file has none) — and the worksheets after, parsed as they stream.
 *
 * Everything else (themes, document properties, drawings) is left out. Parts are re-emitted
 * stored, sizes in a trailing data descriptor: the streaming unzipper finds its end by the
 * descriptor's signature, which ASCII XML cannot contain (it needs bytes 0x07 0x08).
 */
const leadingParts = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml'];
const sharedStringsPart = 'xl/sharedStrings.xml';
const worksheetPart = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const emptySharedStrings =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

function localHeader(name: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; UTF-8 name
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

/** CRC left 0: exceljs's unzipper does not check it, and the upload was verified by inflating. */
function dataDescriptor(size: number): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(size, 8);
  descriptor.writeUInt32LE(size, 12);
  return descriptor;
}

/** Non-ASCII as character references; control characters (invalid in XML) dropped. */
function toAscii(text: string): Buffer {
  const ascii = text.replace(/[^\t\n\r\x20-\x7E]/gu, (c) =>
    c < ' ' ? '' : `&#${c.codePointAt(0) ?? 0xfffd};`,
  );
  return Buffer.from(ascii, 'latin1');
}

async function* inflated(file: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = file.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    yield data;
    return;
  }
  const inflate = zlib.createInflateRaw();
  inflate.end(data);
  for await (const chunk of inflate) yield chunk as Buffer;
}

async function* asciiPart(name: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield localHeader(name);
  const decoder = new StringDecoder('utf8');
  let size = 0;
  for await (const chunk of chunks) {
    const out = toAscii(decoder.write(chunk));
    size += out.length;
    if (out.length > 0) yield out;
  }
  const rest = toAscii(decoder.end());
  size += rest.length;
  if (rest.length > 0) yield rest;
  yield dataDescriptor(size);
}

async function* readerParts(file: Buffer, entries: readonly ZipEntry[]): AsyncGenerator<Buffer> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const name of leadingParts) {
    const entry = byName.get(name);
    if (entry) yield* asciiPart(name, inflated(file, entry));
  }
  const strings = byName.get(sharedStringsPart);
  yield* asciiPart(
    sharedStringsPart,
    strings ? inflated(file, strings) : Readable.from([Buffer.from(emptySharedStrings)]),
  );
  const sheets = entries
    .map((e) => ({ e, part: Number(worksheetPart.exec(e.name)?.[1] ?? NaN) }))
    .filter(({ part }) => !Number.isNaN(part))
    .sort((a, b) => a.part - b.part);
  for (const { e } of sheets) yield* asciiPart(e.name, inflated(file, e));
  // The streaming unzipper stops at an end-of-central-directory record.
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

export function readerInput(file: Buffer, entries: readonly ZipEntry[]): Readable {
  return Readable.from(readerParts(file, entries), { objectMode: false });
}
