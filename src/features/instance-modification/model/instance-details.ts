/**
 * What helps an operator tell tokens and scope instances apart: when each started (from history)
 * or began to wait (from its job), and the variables that live in it.
 */
import type { VariableInstanceDto } from '../../../../contract/camunda/variables';
import { formatCamundaTimestamp } from '../../../lib/camunda-date';

export interface InstanceDetails {
  /** Start time per activity instance id, formatted for people. */
  startTimes: ReadonlyMap<string, string>;
  /** Since when each waiting async continuation waits, per transition instance id, formatted. */
  waitingSince: ReadonlyMap<string, string>;
  /** Variables per activity instance id (the process instance id for process variables). */
  variablesByInstance: ReadonlyMap<string, readonly VariableInstanceDto[]>;
}

export const NO_INSTANCE_DETAILS: InstanceDetails = {
  startTimes: new Map(),
  waitingSince: new Map(),
  variablesByInstance: new Map(),
};

export function toInstanceDetails(
  starts: readonly { id: string; startTime: string }[] | undefined,
  variables: readonly VariableInstanceDto[] | undefined,
  jobs: readonly { executionId: string | null; createTime: string | null }[] | undefined,
): InstanceDetails {
  const variablesByInstance = new Map<string, VariableInstanceDto[]>();
  for (const variable of variables ?? []) {
    if (variable.activityInstanceId !== null) {
      const list = variablesByInstance.get(variable.activityInstanceId) ?? [];
      list.push(variable);
      variablesByInstance.set(variable.activityInstanceId, list);
    }
  }
  return {
    startTimes: new Map(
      (starts ?? []).map(({ id, startTime }) => [id, formatCamundaTimestamp(startTime)]),
    ),
    // A transition instance's id is its execution's (Camunda's GetActivityInstanceCmd), and the
    // only job of that execution is its async continuation.
    waitingSince: new Map(
      (jobs ?? []).flatMap(({ executionId, createTime }) =>
        executionId === null || createTime === null
          ? []
          : [[executionId, formatCamundaTimestamp(createTime)] as const],
      ),
    ),
    variablesByInstance,
  };
}

const MAX_VALUE_LENGTH = 40;

/** `amount = 42, note = "rush"`, values shortened; empty when there are none. */
export function summarizeVariables(variables: readonly VariableInstanceDto[] | undefined): string {
  return (variables ?? [])
    .map((variable) => {
      const raw =
        typeof variable.value === 'string'
          ? variable.type === 'String'
            ? `"${variable.value}"`
            : variable.value
          : variable.value === undefined
            ? 'null'
            : JSON.stringify(variable.value);
      const value = raw.length > MAX_VALUE_LENGTH ? `${raw.slice(0, MAX_VALUE_LENGTH)}…` : raw;
      return `${variable.name} = ${value}`;
    })
    .join(', ');
}
