import { deflateSync } from 'node:zlib';
import type { Tx } from '../../platform/db/database';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { EvidenceService } from '../evidence/evidence.service';
import type { PersonRow } from '../people/people.repository';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small real PNG (a card with a coloured band) standing in for a scanned certificate. */
export function demoScanPng(rgb: readonly [number, number, number]): Buffer {
  const width = 240;
  const height = 160;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3, 0xf4);
    row[0] = 0;
    const band = y < 36 || (y > 70 && y < 78) || (y > 96 && y < 104);
    if (band)
      for (let x = 16; x < width - 16; x += 1)
        row.set(y < 36 ? rgb : [0x99, 0x99, 0x99], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Self-reported claims of the demo learner's colleagues, each with a scan, submitted and
 * waiting at their unit so the review queue shows work at start; two of them carry the
 * same file, which the queue flags.
 */
export async function seedDemoClaims(
  tx: Tx,
  services: { intake: CreditIntake; evidence: EvidenceService },
  options: { unitId: string; people: readonly PersonRow[]; now: Date },
): Promise<number> {
  const staff = options.people
    .filter((p) => p.unitId === options.unitId && p.userId === null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, 5);
  const day = (daysAgo: number) => isoDay(new Date(options.now.getTime() - daysAgo * 86_400_000));
  const activities = [
    { type: 'self_study', date: day(20), hours: 4 },
    { type: 'case_discussion', date: day(15), role: 'participant', times: 2 },
    { type: 'paper', date: day(40), journal: 'core', authorRank: 2 },
    { type: 'case_discussion', date: day(12), role: 'participant', times: 1 },
    { type: 'case_discussion', date: day(12), role: 'participant', times: 1 },
  ];
  const colours: [number, number, number][] = [
    [0x1f, 0x6f, 0xd0],
    [0x2e, 0x9d, 0x5a],
    [0xc0, 0x6a, 0x1a],
    [0x8a, 0x3f, 0xb5],
    [0x8a, 0x3f, 0xb5], // the same scan as the one before: flagged
  ];
  let count = 0;
  for (const [i, person] of staff.entries()) {
    const activity = activities[i];
    const colour = colours[i];
    if (!activity || !colour) break;
    const recorded = await services.intake.record(tx, {
      personId: person.id,
      channel: 'self_report',
      activity,
      initialStatus: 'submitted',
      actor: { userId: null, username: 'demo', ip: null },
      sourceRef: 'demo',
    });
    const fileName = `证明${i + 1}.png`;
    const stored = await services.evidence.store(tx, {
      bytes: demoScanPng(colour),
      fileName,
      declaredType: 'image/png',
    });
    await services.evidence.attach(
      tx,
      { id: recorded.claimId, personId: person.id, year: recorded.year },
      // The paper's scan is its page; the sessions need no document (pack `evidence`).
      [
        {
          sha256: stored.sha256,
          fileName,
          ...(activity.type === 'paper' ? { kind: 'article_or_retrieval' as const } : {}),
        },
      ],
      null,
    );
    count += 1;
  }
  return count;
}
