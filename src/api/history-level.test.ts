import { describe, expect, it } from 'vitest';

import { detectHistoryLevel, HISTORY_COUNT_NAMES } from './history-level';
import type { HistoryCountName, HistoryCounts } from './history-level';

/** Every count read, 0 unless given. */
function counts(
  given: Partial<Record<HistoryCountName, number | null | undefined>>,
): HistoryCounts {
  return {
    ...(Object.fromEntries(HISTORY_COUNT_NAMES.map((name) => [name, 0])) as HistoryCounts),
    ...given,
  };
}

describe('detectHistoryLevel', () => {
  it.each<[string, HistoryCountName]>([
    ['an operation log entry', 'userOperations'],
    ['a historic batch', 'historicBatches'],
    ['a historic variable update', 'historicVariableUpdates'],
  ])('proves level full by %s, whatever else is still unread', (_what, name) => {
    const finding = detectHistoryLevel({
      ...counts({}),
      historicVariableInstances: undefined,
      runtimeProcessInstances: null,
      [name]: 3,
    });

    expect(finding).toMatchObject({ kind: 'detected', level: 'full' });
  });

  it('reads audit from variables with history but no recorded change of them', () => {
    const finding = detectHistoryLevel(
      counts({
        historicVariableInstances: 4,
        historicProcessInstances: 2,
        runtimeVariableInstances: 4,
      }),
    );

    expect(finding).toEqual({
      kind: 'detected',
      level: 'audit',
      evidence: expect.stringContaining(
        '4 historic variable instances but no historic variable update',
      ) as string,
    });
  });

  it('does not call it audit while the variable updates are unread', () => {
    const finding = detectHistoryLevel(
      counts({ historicVariableInstances: 4, historicVariableUpdates: null }),
    );

    expect(finding.kind).toBe('unknown');
  });

  it('reads activity from historic instances whose running variables have no history', () => {
    const finding = detectHistoryLevel(
      counts({
        historicProcessInstances: 2,
        runtimeVariableInstances: 5,
        runtimeProcessInstances: 1,
      }),
    );

    expect(finding).toMatchObject({ kind: 'detected', level: 'activity' });
  });

  it('reads none from running instances without any history', () => {
    const finding = detectHistoryLevel(
      counts({ runtimeProcessInstances: 3, runtimeVariableInstances: 2 }),
    );

    expect(finding).toMatchObject({ kind: 'detected', level: 'none' });
  });

  it('says it cannot tell on an engine with instances but no variables', () => {
    const finding = detectHistoryLevel(
      counts({ historicProcessInstances: 2, runtimeProcessInstances: 2 }),
    );

    expect(finding).toEqual({
      kind: 'unknown',
      reason: expect.stringContaining('holds nothing yet that shows its history level') as string,
    });
  });

  it('names the counts the engine did not answer', () => {
    const finding = detectHistoryLevel(
      counts({ historicVariableInstances: null, historicVariableUpdates: null }),
    );

    expect(finding).toEqual({
      kind: 'unknown',
      reason: expect.stringContaining(
        '/history/detail/count, /history/variable-instance/count',
      ) as string,
    });
  });

  it('waits for counts that could still decide it', () => {
    expect(detectHistoryLevel(counts({ userOperations: undefined }))).toEqual({ kind: 'pending' });
  });
});
