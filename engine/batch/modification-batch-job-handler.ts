/**
 * The execution jobs of an `instance-modification` batch, as Camunda's
 * `ModificationBatchJobHandler`: each modifies its process instances with the batch's
 * instructions through `ProcessInstanceModificationCmd`.
 */
import { ProcessEngineException } from '../errors';
import type { ModificationInstruction } from '../modification/modification-instruction';
import { modifyProcessInstance } from '../modification/modify-process-instance';
import type { Runtime } from '../runtime/runtime';
import type { ModificationBatchConfiguration, ProcessInstanceState } from '../runtime/state';
import type { BatchJobHandler } from './batch-job-handler';

/**
 * Modifies one instance of a many-instance modification, as `ProcessInstanceModificationCmd`: it
 * must exist (`CommandLogger.processInstanceDoesNotExist`) and belong to the modification's
 * definition (`processDefinitionOfInstanceDoesNotMatchModification`).
 */
export function modifyOne(
  rt: Runtime,
  definitionId: string,
  instanceId: string,
  instructions: ModificationInstruction[],
  checks: {
    checkInstance?: (instance: ProcessInstanceState) => void;
    checkCancellation?: (instance: ProcessInstanceState) => void;
  } = {},
): void {
  const pi = rt.ctx.instance(instanceId);
  if (!pi) {
    throw new ProcessEngineException(
      `ENGINE-13036 Process instance '${instanceId}' cannot be modified. The process instance does not exist`,
    );
  }
  if (pi.processDefinitionId !== definitionId) {
    throw new ProcessEngineException(
      `ENGINE-13037 Process instance '${instanceId}' cannot be modified. Its process definition '${pi.processDefinitionId}' does not match given process definition '${definitionId}'`,
    );
  }
  checks.checkInstance?.(pi);
  modifyProcessInstance(rt, pi, instructions, {
    honourCancelCurrentActive: true,
    authorizeCancellation: checks.checkCancellation,
  });
}

export const modificationBatchJobHandler: BatchJobHandler<ModificationBatchConfiguration> = {
  type: 'instance-modification',
  idKind: 'process instance',
  ids: (configuration) => configuration.processInstanceIds,
  commandOptions: (configuration) => ({
    skipCustomListeners: configuration.skipCustomListeners,
    skipIoMappings: configuration.skipIoMappings,
  }),
  execute(_host, rt, configuration, id) {
    // Batch jobs run without an authenticated user, so nothing is checked.
    modifyOne(rt, configuration.processDefinitionId, id, configuration.instructions);
  },
};
