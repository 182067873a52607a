import { describe, expect, it } from 'vitest';

import type { UserOperationLogEntryDto } from '../../../../contract/camunda/history';
import {
  exactCount,
  modifiedCountFromLog,
  NO_LOG_ENTRY_REASON,
  toRequestInstances,
} from './reviewed-selection';
import type { ReviewedSelection } from './reviewed-selection';

const query = { processInstanceQuery: { processDefinitionId: 'def:1', businessKeyLike: 'BK-%' } };

describe('toRequestInstances and exactCount', () => {
  it('send the ids a review read, which are exactly the instances modified', () => {
    const pinned: ReviewedSelection = { kind: 'pinned', processInstanceIds: ['a', 'b'], query };
    expect(toRequestInstances(pinned)).toEqual({ processInstanceIds: ['a', 'b'] });
    expect(exactCount(pinned)).toBe(2);
    const ticked: ReviewedSelection = { kind: 'ticked', processInstanceIds: ['c'] };
    expect(toRequestInstances(ticked)).toEqual({ processInstanceIds: ['c'] });
    expect(exactCount(ticked)).toBe(1);
  });

  it('send the query itself when more matched than a review names, with no count promised', () => {
    const tooMany: ReviewedSelection = { kind: 'query', instances: query, countAtReview: 100_000 };
    expect(toRequestInstances(tooMany)).toBe(query);
    expect(exactCount(tooMany)).toBeNull();
  });
});

describe('modifiedCountFromLog', () => {
  const older = entry('e-1', '30');

  it("reads the engine's nrOfInstances of the one entry logged since the request was sent", () => {
    expect(modifiedCountFromLog([older], [entry('e-2', '35'), older])).toEqual({
      kind: 'exact',
      count: 35,
      source: 'operationLog',
    });
  });

  it('does not say a number when no entry or several were logged', () => {
    expect(modifiedCountFromLog([older], [older])).toEqual({
      kind: 'unknown',
      reason: NO_LOG_ENTRY_REASON,
    });
    const several = modifiedCountFromLog([], [entry('e-3', '5'), entry('e-2', '35')]);
    expect(several.kind).toBe('unknown');
    expect(several.kind === 'unknown' ? several.reason : '').toMatch(
      /^other modifications of this definition were logged/,
    );
  });
});

function entry(id: string, newValue: string): UserOperationLogEntryDto {
  return {
    id,
    userId: 'demo',
    timestamp: '2026-01-02T10:00:00.000+0000',
    operationId: `op-${id}`,
    operationType: 'ModifyProcessInstance',
    entityType: 'ProcessInstance',
    category: 'Operator',
    annotation: null,
    property: 'nrOfInstances',
    orgValue: null,
    newValue,
    deploymentId: null,
    processDefinitionId: 'def:1',
    processDefinitionKey: 'def',
    processInstanceId: null,
    executionId: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: null,
    externalTaskId: null,
    batchId: null,
    jobId: null,
    jobDefinitionId: null,
    removalTime: null,
    rootProcessInstanceId: null,
  };
}
