import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditChannels, mergeDuplicateRecords, type CreditRecord } from './merge-duplicates';

const record = (id: string, fields: Partial<CreditRecord> = {}): CreditRecord => ({
  id,
  personId: 'p1',
  channel: 'card_check_in',
  projectNumber: '2021-04-08-186（国）',
  role: 'attendee',
  startDate: '2021-05-10',
  endDate: '2021-05-12',
  ...fields,
});

const ids = (records: CreditRecord[]) => records.map((r) => r.id);

describe('mergeDuplicateRecords', () => {
  it('keeps one record of a swipe and a roster entry, with the provenance of both', () => {
    const merged = mergeDuplicateRecords([
      record('swipe', { startDate: '2021-05-11', endDate: undefined }),
      record('roster', { channel: 'host_award' }),
    ]);
    expect(merged).toEqual([
      {
        ...record('roster', { channel: 'host_award' }),
        provenance: [
          { recordId: 'roster', channel: 'host_award' },
          { recordId: 'swipe', channel: 'card_check_in' },
        ],
      },
    ]);
  });

  it.each([
    ['another person', { personId: 'p2' }],
    ['another project', { projectNumber: 'other' }],
    ['another role', { role: 'speaker' }],
    ['dates that do not overlap', { startDate: '2021-05-13', endDate: '2021-05-14' }],
  ])('keeps records apart for %s', (_, change) => {
    expect(ids(mergeDuplicateRecords([record('a'), record('b', change)]))).toEqual(['a', 'b']);
  });

  it('never matches records without a project number', () => {
    const bare = { projectNumber: undefined };
    expect(mergeDuplicateRecords([record('a', bare), record('b', bare)])).toHaveLength(2);
  });

  it('groups records linked by a chain of overlaps, whatever their order', () => {
    const chain = [
      record('c', { startDate: '2021-05-12', endDate: '2021-05-14' }),
      record('a', { startDate: '2021-05-08', endDate: '2021-05-10' }),
      record('b', { startDate: '2021-05-10', endDate: '2021-05-12' }),
    ];
    const merged = mergeDuplicateRecords(chain);
    expect(ids(merged)).toEqual(['a']);
    expect(merged[0]?.provenance?.map((p) => p.recordId)).toEqual(['a', 'b', 'c']);
  });
});

const recordArb = fc.record({
  personId: fc.constantFrom('p1', 'p2'),
  channel: fc.constantFrom(...creditChannels),
  projectNumber: fc.option(fc.constantFrom('N1', 'N2'), { nil: undefined }),
  role: fc.constantFrom('attendee', 'speaker'),
  start: fc.integer({ min: 1, max: 20 }),
  length: fc.integer({ min: 0, max: 3 }),
});
const recordsArb = fc.array(recordArb, { maxLength: 30 }).map((list): CreditRecord[] =>
  list.map(({ start, length, ...rest }, index) => ({
    id: `r${String(index).padStart(2, '0')}`,
    ...rest,
    startDate: `2021-05-${String(start).padStart(2, '0')}`,
    endDate: `2021-05-${String(start + length).padStart(2, '0')}`,
  })),
);

describe('mergeDuplicateRecords properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const once = mergeDuplicateRecords(records);
        expect(mergeDuplicateRecords(once)).toEqual(once);
      }),
    );
  });

  it('does not depend on the order records arrive in', () => {
    fc.assert(
      fc.property(
        recordsArb.chain((r) =>
          fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length })),
        ),
        ([records, shuffled]) => {
          expect(mergeDuplicateRecords(shuffled)).toEqual(mergeDuplicateRecords(records));
        },
      ),
    );
  });

  it('accounts for every record exactly once, and leaves no duplicates', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const merged = mergeDuplicateRecords(records);
        const accounted = merged.flatMap((r) => r.provenance?.map((p) => p.recordId) ?? []);
        expect(accounted.sort()).toEqual(ids(records).sort());
        merged.forEach((a, i) => {
          merged.slice(i + 1).forEach((b) => {
            const same =
              a.projectNumber !== undefined &&
              a.personId === b.personId &&
              a.projectNumber === b.projectNumber &&
              a.role === b.role &&
              a.startDate <= (b.endDate ?? b.startDate) &&
              b.startDate <= (a.endDate ?? a.startDate);
            expect(same).toBe(false);
          });
        });
      }),
    );
  });
});
