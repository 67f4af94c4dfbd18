/**
 * Just enough of the zip format (APPNOTE 6.3) to judge an upload before any decompression:
 * the end-of-central-directory record, each entry's declared sizes, and a check that the
 * local entries tile the file with nothing hidden between them (a streaming unzipper reads
 * local headers, so an entry missing from the directory would otherwise escape the limits).
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the compressed data inside the file. */
  dataStart: number;
  /** Where the entry's local header starts, and where the entry (with any descriptor) ends. */
  localOffset: number;
  entryEnd: number;
}

export class ZipStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipStructureError';
  }
}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const dataDescriptorSignature = 0x08074b50;
/** Zip64 marks sizes it moved elsewhere with all ones; no plausible xlsx upload needs it. */
const zip64Marker = 0xffffffff;

function findEndOfDirectory(file: Buffer): number {
  const earliest = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= earliest; at--) {
    if (file.readUInt32LE(at) === endOfDirectorySignature) return at;
  }
  throw new ZipStructureError('no end-of-central-directory record');
}

/** The directory's entries, or ZipStructureError when the archive is damaged or unusual. */
export function readZipDirectory(file: Buffer): ZipEntry[] {
  if (file.length < 22) throw new ZipStructureError('too short for a zip archive');
  const end = findEndOfDirectory(file);
  const count = file.readUInt16LE(end + 10);
  const directorySize = file.readUInt32LE(end + 12);
  const directoryOffset = file.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === zip64Marker)
    throw new ZipStructureError('zip64 archives are not accepted');
  if (directoryOffset + directorySize > end)
    throw new ZipStructureError('central directory out of bounds');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || file.readUInt32LE(at) !== directoryEntrySignature)
      throw new ZipStructureError('damaged central directory');
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const uncompressedSize = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const localOffset = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    if (compressedSize === zip64Marker || uncompressedSize === zip64Marker)
      throw new ZipStructureError('zip64 entries are not accepted');
    if (
      localOffset + 30 > directoryOffset ||
      file.readUInt32LE(localOffset) !== localHeaderSignature
    )
      throw new ZipStructureError(`damaged local header of ${name}`);
    const dataStart =
      localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
    // A streaming unzipper trusts the local header's size: it must agree with the directory.
    if (!(flags & 0x08) && file.readUInt32LE(localOffset + 18) !== compressedSize)
      throw new ZipStructureError(`local and central sizes of ${name} differ`);
    let entryEnd = dataStart + compressedSize;
    if (flags & 0x08) {
      // A data descriptor follows the data: 12 bytes, or 16 with its optional signature.
      const signed =
        entryEnd + 4 <= file.length && file.readUInt32LE(entryEnd) === dataDescriptorSignature;
      entryEnd += signed ? 16 : 12;
    }
    if (entryEnd > directoryOffset) throw new ZipStructureError(`entry ${name} out of bounds`);
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      dataStart,
      localOffset,
      entryEnd,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }

  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of byOffset) {
    if (entry.localOffset !== expected)
      throw new ZipStructureError('data between entries that the directory does not list');
    expected = entry.entryEnd;
  }
  if (expected !== directoryOffset)
    throw new ZipStructureError('data between entries that the directory does not list');
  return entries;
}
