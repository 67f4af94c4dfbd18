import { describe, expect, it } from 'vitest';
import { cutBatches } from './audit-run-job';

const unit = (unitId: string, people: number) => ({ unitId, people });

describe('cutBatches', () => {
  it('groups units up to the batch size, a big unit alone, none lost or repeated', () => {
    const counts = [unit('a', 600), unit('b', 900), unit('c', 700), unit('d', 5000), unit('e', 10)];
    const batches = cutBatches(counts, 2000);
    expect(batches).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(batches.flat()).toEqual(counts.map((c) => c.unitId));
  });

  it('has no batch for no units', () => {
    expect(cutBatches([], 2000)).toEqual([]);
  });
});
