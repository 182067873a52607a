import { describe, expect, it } from 'vitest';

import type { BatchDto } from '../../contract/camunda/batch';
import type { UserOperationLogEntryDto } from '../../contract/camunda/history';
import { attributeBatch, batchLogWindow } from './batch-attribution';
import { loadBatchRecords, pruneBatchRecords, recordBatch } from './bulk-batch-records';

const batch: BatchDto = {
  id: 'batch-1',
  type: 'instance-modification',
  totalJobs: 1,
  jobsCreated: 0,
  batchJobsPerSeed: 100,
  invocationsPerBatchJob: 1,
  seedJobDefinitionId: 'seed',
  monitorJobDefinitionId: 'monitor',
  batchJobDefinitionId: 'jobs',
  suspended: false,
  tenantId: null,
  createUserId: 'demo',
  startTime: '2026-01-02T10:00:00.000+0000',
  executionStartTime: null,
};

function entry(fields: Partial<UserOperationLogEntryDto>): UserOperationLogEntryDto {
  return {
    id: 'e',
    userId: 'demo',
    timestamp: '2026-01-02T10:00:00.000+0000',
    operationId: 'op-1',
    operationType: 'ModifyProcessInstance',
    entityType: 'ProcessInstance',
    category: 'Operator',
    annotation: null,
    property: null,
    orgValue: null,
    newValue: null,
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
    ...fields,
  };
}

describe('attributeBatch', () => {
  it('names the instance of a single-instance batch from its creation entry', () => {
    expect(
      attributeBatch(batch, 'def:1', undefined, [entry({ processInstanceId: 'pi-1' })]),
    ).toEqual({
      kind: 'instances',
      batch,
      processInstanceIds: ['pi-1'],
      source: 'operationLog',
    });
  });

  it('leaves out batches of other definitions', () => {
    const entries = [entry({ processInstanceId: 'pi-1', processDefinitionId: 'def:2' })];
    expect(attributeBatch(batch, 'def:1', undefined, entries).kind).toBe('otherDefinition');
  });

  it('says it cannot know when the log is ambiguous, silent or names no instance', () => {
    const two = [
      entry({ processInstanceId: 'pi-1' }),
      entry({ operationId: 'op-2', processInstanceId: 'pi-2' }),
    ];
    const ambiguous = attributeBatch(batch, 'def:1', undefined, two);
    expect(ambiguous.kind === 'unknown' ? ambiguous.reason : '').toContain(
      'several modification requests',
    );
    expect(attributeBatch(batch, 'def:1', undefined, [])).toMatchObject({ kind: 'unknown' });
    const many = [
      entry({ property: 'nrOfInstances', newValue: '40' }),
      entry({ property: 'async', newValue: 'true' }),
    ];
    const unnamed = attributeBatch({ ...batch, totalJobs: 40 }, 'def:1', undefined, many);
    expect(unnamed.kind === 'unknown' ? unnamed.reason : '').toContain(
      'for 40 instances of this definition',
    );
  });

  it("ignores other users' entries", () => {
    const entries = [entry({ processInstanceId: 'pi-1', userId: 'john' })];
    expect(attributeBatch(batch, 'def:1', undefined, entries).kind).toBe('unknown');
  });

  it('prefers what this console recorded', () => {
    const record = {
      batchId: batch.id,
      processDefinitionId: 'def:1',
      createdAt: '2026-01-02T10:00:00.000Z',
      instances: { processInstanceQuery: { processDefinitionId: 'def:1' } },
    };
    expect(attributeBatch(batch, 'def:1', record, [])).toEqual({
      kind: 'query',
      batch,
      instances: record.instances,
    });
  });

  it('looks for the creation entry around the start time', () => {
    const start = Date.parse('2026-01-02T10:00:00.000Z');
    expect(batchLogWindow(batch)).toEqual({ after: start - 1000, before: start + 1000 });
    expect(batchLogWindow({ ...batch, startTime: null })).toBeNull();
  });
});

describe('batch records', () => {
  it('keeps the request of each batch until it no longer runs', () => {
    const record = {
      batchId: 'b-1',
      processDefinitionId: 'def:1',
      createdAt: '2026-01-02T10:00:00.000Z',
      instances: { processInstanceIds: ['a'] },
    };
    recordBatch(record);
    recordBatch({ ...record, batchId: 'b-2' });
    expect(loadBatchRecords().map(({ batchId }) => batchId)).toEqual(['b-1', 'b-2']);
    pruneBatchRecords(new Set(['b-2']));
    expect(loadBatchRecords()).toEqual([{ ...record, batchId: 'b-2' }]);
  });
});
