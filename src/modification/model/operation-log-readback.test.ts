import { describe, expect, it } from 'vitest';

import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import {
  afterTimestampOf,
  groupOperations,
  loggedProperty,
  operationsSince,
  toBaseline,
} from './operation-log-readback';
import { modificationLogEntry } from '../testing/modification-fixtures';

function entry(overrides: Partial<UserOperationLogEntryDto>): UserOperationLogEntryDto {
  return modificationLogEntry({
    id: 'e',
    timestamp: '2024-05-01T10:00:00.000+0000',
    operationId: 'op',
    ...overrides,
  });
}

const INSTANCE = { processInstanceId: 'pi-1' };
const DEFINITION = { processDefinitionId: 'order:1' };

describe('operation log read-back', () => {
  it('remembers the newest entry and the operations read', () => {
    const baseline = toBaseline([
      entry({ operationId: 'b', timestamp: '2024-05-01T10:00:02.000+0000' }),
      entry({ operationId: 'a', timestamp: '2024-05-01T10:00:01.000+0000' }),
    ]);

    expect(baseline).toEqual({
      newestTimestamp: '2024-05-01T10:00:02.000+0000',
      operationIds: ['b', 'a'],
    });
    expect(toBaseline([])).toEqual({ newestTimestamp: null, operationIds: [] });
  });

  it("asks for entries from the baseline's instant on (Camunda's bound is exclusive)", () => {
    expect(afterTimestampOf('2024-05-01T10:00:02.000+0000')).toBe('2024-05-01T10:00:01.999+0000');
    expect(afterTimestampOf(null)).toBeUndefined();
  });

  it('finds operations the baseline lacks, even in the same second as its newest entry', () => {
    const baseline = { newestTimestamp: '2024-05-01T10:00:02.000+0000', operationIds: ['old'] };

    const operations = operationsSince(
      [
        entry({ id: '1', operationId: 'old', timestamp: '2024-05-01T10:00:02.000+0000' }),
        entry({ id: '2', operationId: 'mine', timestamp: '2024-05-01T10:00:02.000+0000' }),
        entry({ id: '3', operationId: 'other', timestamp: '2024-05-01T10:00:03.000+0000' }),
        entry({ id: '4', operationId: 'elsewhere', processInstanceId: 'pi-2' }),
      ],
      INSTANCE,
      baseline,
    );

    expect(operations.map(({ operationId }) => operationId)).toEqual(['mine', 'other']);
  });

  it('takes every entry of an empty scope as new', () => {
    const operations = operationsSince([entry({ operationId: 'mine' })], INSTANCE, {
      newestTimestamp: null,
      operationIds: [],
    });

    expect(operations).toHaveLength(1);
  });

  it("keeps a definition's operations of many instances apart from single-instance ones", () => {
    const operations = groupOperations(
      [
        entry({ id: '1', operationId: 'single' }),
        entry({
          id: '2',
          operationId: 'bulk',
          processInstanceId: null,
          property: 'nrOfInstances',
          newValue: '35',
        }),
        entry({
          id: '3',
          operationId: 'bulk',
          processInstanceId: null,
          property: 'async',
          newValue: 'false',
        }),
      ],
      DEFINITION,
    );

    expect(operations).toHaveLength(1);
    const [bulk] = operations;
    expect(bulk?.entries).toHaveLength(2);
    expect(bulk && loggedProperty(bulk, 'nrOfInstances')).toBe('35');
    expect(bulk && loggedProperty(bulk, 'annotation')).toBeNull();
  });
});
