import { describe, expect, it } from 'vitest';

import type { BatchAttribution } from '../../lib/batch-attribution';
import { batchStatistics } from './batch-test-data';
import { failedJobProcessInstance, unchangedInstances } from './failed-job-process-instance';

const batch = batchStatistics({ id: 'batch-1' });
const unnamed = {
  processInstanceId: null,
  exceptionMessage: 'Ancestor activity execution is ambiguous for activity Activity(packing)',
};

function recorded(processInstanceIds: string[]): BatchAttribution {
  return { kind: 'instances', batch, processInstanceIds, source: 'recorded' };
}

describe('failedJobProcessInstance', () => {
  it('prefers the job field when the engine sets it', () => {
    expect(
      failedJobProcessInstance({
        processInstanceId: 'pi-field',
        exceptionMessage: "ENGINE-13036 Process instance 'pi-message' cannot be modified.",
      }),
    ).toEqual({ processInstanceId: 'pi-field', source: 'job' });
  });

  it('reads the instance from ENGINE-13036 and ENGINE-13037 messages', () => {
    expect(
      failedJobProcessInstance({
        processInstanceId: null,
        exceptionMessage:
          "ENGINE-13036 Process instance 'a1b2' cannot be modified. The process instance does not exist",
      }),
    ).toEqual({ processInstanceId: 'a1b2', source: 'message' });
    expect(
      failedJobProcessInstance({
        processInstanceId: null,
        exceptionMessage:
          "ENGINE-13037 Process instance 'c3' cannot be modified. Its process definition 'x:1' does not match given process definition 'y:1'",
      }),
    ).toEqual({ processInstanceId: 'c3', source: 'message' });
  });

  it('names the instance of a batch created for that one instance only', () => {
    expect(failedJobProcessInstance(unnamed, recorded(['pi-only']))).toEqual({
      processInstanceId: 'pi-only',
      source: 'onlyInstance',
    });
    expect(
      failedJobProcessInstance(unnamed, {
        kind: 'instances',
        batch,
        processInstanceIds: ['pi-logged'],
        source: 'operationLog',
      }),
    ).toEqual({ processInstanceId: 'pi-logged', source: 'onlyInstance' });
  });

  it('is null when neither the job, its message nor the batch tells', () => {
    expect(failedJobProcessInstance(unnamed)).toBeNull();
    expect(failedJobProcessInstance(unnamed, recorded(['pi-1', 'pi-2']))).toBeNull();
    expect(
      failedJobProcessInstance(unnamed, {
        kind: 'unknown',
        batch,
        reason: 'it was not created here',
      }),
    ).toBeNull();
    expect(
      failedJobProcessInstance({ processInstanceId: null, exceptionMessage: null }),
    ).toBeNull();
  });
});

describe('unchangedInstances', () => {
  it('keeps the running instances with no activity since the batch began that no failure names', () => {
    expect(
      unchangedInstances(
        ['pi-1', 'pi-2', 'pi-3', 'pi-4'],
        [
          { processInstanceId: 'pi-1' },
          { processInstanceId: 'pi-1' },
          { processInstanceId: 'pi-3' },
        ],
        new Set(['pi-4']),
      ),
    ).toEqual(['pi-2']);
  });
});
