import { describe, expect, it } from 'vitest';

import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import { groupOperations } from './group-operations';

describe('groupOperations', () => {
  it('makes one operation of the entries that share an operationId', () => {
    const operations = groupOperations([
      entry({
        id: 'e1',
        operationId: 'op-batch',
        operationType: 'ModifyProcessInstance',
        property: 'nrOfInstances',
        newValue: '12',
        processInstanceId: null,
      }),
      entry({ id: 'e2', operationId: 'op-single', operationType: 'ModifyProcessInstance' }),
      entry({
        id: 'e3',
        operationId: 'op-batch',
        operationType: 'ModifyProcessInstance',
        property: 'async',
        newValue: 'false',
        processInstanceId: null,
      }),
    ]);

    expect(operations.map(({ operationId }) => operationId)).toEqual(['op-batch', 'op-single']);
    const [batch, single] = operations;
    expect(batch?.entries.map(({ id }) => id)).toEqual(['e1', 'e3']);
    expect(batch?.properties).toEqual([
      {
        entryId: 'e1',
        entityType: 'ProcessInstance',
        property: 'nrOfInstances',
        orgValue: null,
        newValue: '12',
      },
      {
        entryId: 'e3',
        entityType: 'ProcessInstance',
        property: 'async',
        orgValue: null,
        newValue: 'false',
      },
    ]);
    expect(single?.properties).toEqual([]);
    expect(single?.processInstanceId).toBe('instance-1');
  });

  it('keeps what all entries agree on and the earliest timestamp', () => {
    const [operation] = groupOperations([
      entry({
        operationId: 'op',
        entityType: 'Job',
        timestamp: '2024-05-01T10:00:00.200+0000',
        processInstanceId: 'a',
        annotation: null,
      }),
      entry({
        operationId: 'op',
        entityType: 'JobDefinition',
        timestamp: '2024-05-01T12:00:00.100+0200',
        processInstanceId: 'b',
        annotation: 'retried after the outage',
      }),
      entry({
        operationId: 'op',
        entityType: 'Job',
        timestamp: '2024-05-01T10:00:00.300+0000',
        processInstanceId: 'a',
      }),
    ]);

    expect(operation?.entityTypes).toEqual(['Job', 'JobDefinition']);
    expect(operation?.timestamp).toBe('2024-05-01T12:00:00.100+0200');
    expect(operation?.processInstanceId).toBeNull();
    expect(operation?.processDefinitionKey).toBe('payment');
    expect(operation?.annotation).toBe('retried after the outage');
  });

  it('returns nothing for no entries', () => {
    expect(groupOperations([])).toEqual([]);
  });
});

let nextId = 0;

function entry(overrides: Partial<UserOperationLogEntryDto>): UserOperationLogEntryDto {
  nextId += 1;
  return {
    id: `entry-${String(nextId)}`,
    userId: 'demo',
    timestamp: '2024-05-01T10:00:00.000+0000',
    operationId: 'operation-1',
    operationType: 'ModifyProcessInstance',
    entityType: 'ProcessInstance',
    category: 'Operator',
    annotation: null,
    property: null,
    orgValue: null,
    newValue: null,
    deploymentId: 'deployment-1',
    processDefinitionId: 'payment:1:abc',
    processDefinitionKey: 'payment',
    processInstanceId: 'instance-1',
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
    rootProcessInstanceId: 'instance-1',
    ...overrides,
  };
}
