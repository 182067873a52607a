import { describe, expect, it } from 'vitest';

import { diffBatchStatistics, hasEndedBatches } from './batch-notifications';
import { batchStatistics } from './batch-test-data';

const mine = batchStatistics({ id: 'mine', createUserId: 'demo', failedJobs: 0 });
const theirs = batchStatistics({ id: 'theirs', createUserId: 'john', failedJobs: 0 });

describe('diffBatchStatistics', () => {
  it('reports nothing for the first answer', () => {
    expect(diffBatchStatistics(undefined, [mine], { userId: 'demo' })).toEqual([]);
  });

  it("reports the user's batch that left the runtime as finished", () => {
    expect(diffBatchStatistics([mine, theirs], [], { userId: 'demo' })).toEqual([
      { kind: 'finished', batchId: 'mine', type: 'instance-modification' },
    ]);
  });

  it('does not call a batch finished that this console deleted', () => {
    expect(
      diffBatchStatistics([mine], [], { userId: 'demo', deletedBatchIds: new Set(['mine']) }),
    ).toEqual([]);
  });

  it("reports new failures of the user's batches with the current count", () => {
    const failing = { ...mine, failedJobs: 2 };
    expect(
      diffBatchStatistics([mine, theirs], [failing, { ...theirs, failedJobs: 5 }], {
        userId: 'demo',
      }),
    ).toEqual([{ kind: 'failed', batchId: 'mine', type: 'instance-modification', failedJobs: 2 }]);
    expect(diffBatchStatistics([failing], [failing], { userId: 'demo' })).toEqual([]);
    expect(
      diffBatchStatistics([failing], [{ ...mine, failedJobs: 1 }], { userId: 'demo' }),
    ).toEqual([]);
  });

  it('reports a new batch that already has failures', () => {
    expect(diffBatchStatistics([], [{ ...mine, failedJobs: 1 }], { userId: 'demo' })).toEqual([
      { kind: 'failed', batchId: 'mine', type: 'instance-modification', failedJobs: 1 },
    ]);
  });

  it('reports nothing without a signed-in user', () => {
    expect(diffBatchStatistics([mine], [], { userId: null })).toEqual([]);
  });
});

describe('hasEndedBatches', () => {
  it('is true when any batch left the runtime, whoever started it', () => {
    expect(hasEndedBatches([mine, theirs], [mine])).toBe(true);
    expect(hasEndedBatches([mine], [mine, theirs])).toBe(false);
    expect(hasEndedBatches(undefined, [])).toBe(false);
  });
});
