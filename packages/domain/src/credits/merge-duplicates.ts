/**
 * The same activity can arrive by several channels (a card swipe and the host's roster). Records
 * of one person, one project number and one role whose dates overlap are one activity: one
 * record is kept and carries the provenance of all. Grouping is by connected overlap, so the
 * result does not depend on arrival order, and merging a merged list changes nothing.
 */

export const creditChannels = [
  'host_award',
  'platform_push',
  'card_check_in',
  'spreadsheet_import',
  'unit_bulk_entry',
  'self_report',
] as const;
export type CreditChannel = (typeof creditChannels)[number];

export interface Provenance {
  recordId: string;
  channel: CreditChannel;
}

export interface CreditRecord {
  id: string;
  personId: string;
  channel: CreditChannel;
  /** Without a project number a record cannot be matched, and is kept as it is. */
  projectNumber?: string | undefined;
  role: string;
  startDate: string;
  /** Last day (inclusive); the start date when absent. */
  endDate?: string | undefined;
  /** Every record this one stands for, itself included; filled in by merging. */
  provenance?: readonly Provenance[] | undefined;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which record to keep: the more authoritative channel (the list order), then the id. */
function compareAuthority(a: CreditRecord, b: CreditRecord): number {
  const byChannel = creditChannels.indexOf(a.channel) - creditChannels.indexOf(b.channel);
  if (byChannel !== 0) return byChannel;
  return compareText(a.id, b.id);
}

/** One activity arriving twice: same person, project number and role, overlapping dates. */
export function isSameActivity(a: CreditRecord, b: CreditRecord): boolean {
  return (
    a.projectNumber !== undefined &&
    a.personId === b.personId &&
    a.projectNumber === b.projectNumber &&
    a.role === b.role &&
    a.startDate <= (b.endDate ?? b.startDate) &&
    b.startDate <= (a.endDate ?? a.startDate)
  );
}

function provenanceOf(record: CreditRecord): readonly Provenance[] {
  return record.provenance ?? [{ recordId: record.id, channel: record.channel }];
}

function mergeGroup<T extends CreditRecord>(group: T[]): T {
  const [kept] = [...group].sort(compareAuthority);
  const byId = new Map<string, Provenance>();
  for (const item of group.flatMap(provenanceOf)) byId.set(item.recordId, item);
  const provenance = [...byId.values()].sort((a, b) => compareText(a.recordId, b.recordId));
  // `group` is never empty: every record starts a group of its own.
  return { ...(kept as T), provenance };
}

/** Groups duplicates and keeps one record of each, sorted by person, start date and id. */
export function mergeDuplicateRecords<T extends CreditRecord>(records: readonly T[]): T[] {
  const parent = records.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] ?? current;
    return current;
  };
  records.forEach((a, i) => {
    records.forEach((b, j) => {
      if (j > i && isSameActivity(a, b)) parent[root(j)] = root(i);
    });
  });
  const groups = new Map<number, T[]>();
  records.forEach((record, index) => {
    const key = root(index);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  });
  return [...groups.values()]
    .map(mergeGroup)
    .sort(
      (a, b) =>
        compareText(a.personId, b.personId) ||
        compareText(a.startDate, b.startDate) ||
        compareText(a.id, b.id),
    );
}
