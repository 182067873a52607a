import { describe, expect, it } from 'vitest';

import { failedJobProcessInstance } from './failed-job-process-instance';

describe('failedJobProcessInstance', () => {
  it('prefers the job field when the engine sets it', () => {
    expect(
      failedJobProcessInstance({
        processInstanceId: 'pi-field',
        exceptionMessage: "ENGINE-13036 Process instance 'pi-message' cannot be modified.",
      }),
    ).toEqual({ processInstanceId: 'pi-field', fromMessage: false });
  });

  it('reads the instance from ENGINE-13036 and ENGINE-13037 messages', () => {
    expect(
      failedJobProcessInstance({
        processInstanceId: null,
        exceptionMessage:
          "ENGINE-13036 Process instance 'a1b2' cannot be modified. The process instance does not exist",
      }),
    ).toEqual({ processInstanceId: 'a1b2', fromMessage: true });
    expect(
      failedJobProcessInstance({
        processInstanceId: null,
        exceptionMessage:
          "ENGINE-13037 Process instance 'c3' cannot be modified. Its process definition 'x:1' does not match given process definition 'y:1'",
      }),
    ).toEqual({ processInstanceId: 'c3', fromMessage: true });
  });

  it('is null when neither names one', () => {
    expect(
      failedJobProcessInstance({ processInstanceId: null, exceptionMessage: 'Database is locked' }),
    ).toBeNull();
    expect(
      failedJobProcessInstance({ processInstanceId: null, exceptionMessage: null }),
    ).toBeNull();
  });
});
