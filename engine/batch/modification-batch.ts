/**
 * Modification of many instances, synchronously or as a batch, as Camunda's `ModificationBuilder`
 * (`execute`, `executeAsync`) and `ProcessInstanceModificationBuilder.executeAsync` do: the checks
 * of `ProcessInstanceModificationCmd` / `ProcessInstanceModificationBatchCmd`, one transaction for
 * the synchronous form, an `instance-modification` batch for the asynchronous ones.
 */
import { BadUserRequestException, ProcessEngineException } from '../errors';
import { logEntry } from '../history/user-operation-log';
import type { ModificationInstruction } from '../modification/modification-instruction';
import type { CommandContext } from '../runtime/command-context';
import type { BatchRec, ProcessDefinitionRec, ProcessInstanceState } from '../runtime/state';
import type { BatchHost } from './batch-job-handler';
import { createBatch } from './batch-runner';
import { modificationBatchJobHandler, modifyOne } from './modification-batch-job-handler';

export interface ManyInstancesModification {
  processDefinitionId: string | null | undefined;
  /** Already the union of ids and query results, duplicates removed. */
  processInstanceIds: (string | null)[];
  instructions: ModificationInstruction[];
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
  annotation?: string | null;
  userId?: string | null;
  /**
   * The user's permission check of each instance (`checkUpdateProcessInstance`), made inside the
   * command once the instance is found, as ProcessInstanceModificationCmd makes it.
   */
  checkInstance?: (instance: ProcessInstanceState) => void;
  /**
   * The user's check before an instance the instructions left empty is cancelled
   * (`checkDeleteProcessInstance`, made by the same ProcessInstanceModificationCmd).
   */
  checkCancellation?: (instance: ProcessInstanceState) => void;
  /** The user's `checkCreateBatch`, made once the request is valid, as BatchBuilder makes it. */
  checkCreateBatch?: () => void;
}

/**
 * The checks of `ProcessInstanceModificationCmd` (and `ProcessInstanceModificationBatchCmd`), in
 * their order and with their messages.
 */
export function validateManyInstances(
  host: BatchHost,
  input: ManyInstancesModification,
): ProcessDefinitionRec {
  if (!input.processDefinitionId) {
    throw new BadUserRequestException('processDefinitionId is null');
  }
  if (input.instructions.length === 0) {
    throw new BadUserRequestException(
      'Modification instructions cannot be empty: instructions is empty',
    );
  }
  if (input.processInstanceIds.length === 0) {
    throw new BadUserRequestException(
      'Process instance ids cannot be empty: Process instance ids is empty',
    );
  }
  if (input.processInstanceIds.some((id) => id === null)) {
    throw new BadUserRequestException(
      'Process instance ids cannot be null: Process instance ids contains null value',
    );
  }
  const definition = host.definition(input.processDefinitionId);
  if (!definition) {
    throw new BadUserRequestException(
      `no deployed process definition found with id '${input.processDefinitionId}': processDefinition is null`,
    );
  }
  return definition;
}

/** `POST /modification/execute`: every instance in one transaction. */
export function executeModification(host: BatchHost, input: ManyInstancesModification): void {
  const definition = validateManyInstances(host, input);
  const ids = input.processInstanceIds as string[];
  host.run(
    {
      userId: input.userId,
      skipCustomListeners: input.skipCustomListeners,
      skipIoMappings: input.skipIoMappings,
    },
    (rt) => {
      for (const id of ids) {
        modifyOne(rt, definition.id, id, input.instructions, {
          checkInstance: input.checkInstance,
          checkCancellation: input.checkCancellation,
        });
      }
      logManyInstances(host, rt.ctx, definition, ids.length, false, input);
    },
  );
}

/**
 * `executeModification`, letting other requests run between instances: still one transaction,
 * committed only at the end, and failed by another command's change to one of the instances.
 */
export async function executeModificationInTurns(
  host: BatchHost,
  input: ManyInstancesModification,
): Promise<void> {
  const definition = validateManyInstances(host, input);
  const ids = input.processInstanceIds as string[];
  await host.runInTurns(
    {
      userId: input.userId,
      skipCustomListeners: input.skipCustomListeners,
      skipIoMappings: input.skipIoMappings,
    },
    async (rt, turns) => {
      for (const id of ids) {
        modifyOne(rt, definition.id, id, input.instructions, {
          checkInstance: input.checkInstance,
          checkCancellation: input.checkCancellation,
        });
        if (turns.due()) {
          await turns.take();
        }
      }
      logManyInstances(host, rt.ctx, definition, ids.length, false, input);
    },
  );
}

/**
 * `AbstractModificationCmd.writeUserOperationLog`: two entries sharing one operationId, with the
 * properties nrOfInstances and async.
 */
function logManyInstances(
  host: BatchHost,
  ctx: CommandContext,
  definition: ProcessDefinitionRec,
  count: number,
  async: boolean,
  input: ManyInstancesModification,
): void {
  if (!input.userId) {
    return;
  }
  const operationId = host.newId();
  for (const [property, newValue] of [
    ['nrOfInstances', String(count)],
    ['async', String(async)],
  ] as const) {
    ctx.log(
      logEntry(host, {
        operationId,
        userId: input.userId,
        operationType: 'ModifyProcessInstance',
        entityType: 'ProcessInstance',
        annotation: input.annotation ?? null,
        property,
        newValue,
        deploymentId: definition.deploymentId,
        processDefinitionId: definition.id,
        processDefinitionKey: definition.key,
      }),
    );
  }
}

/**
 * The entry of one instance's modification, synchronous or as a batch: Camunda's
 * `logProcessInstanceOperation(OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, …)`, written only for an
 * authenticated user.
 */
export function logInstanceModification(
  host: Pick<BatchHost, 'newId' | 'clock'>,
  ctx: CommandContext,
  definition: ProcessDefinitionRec,
  pi: ProcessInstanceState,
  options: { userId?: string | null; annotation?: string | null },
): void {
  if (!options.userId) {
    return;
  }
  ctx.log(
    logEntry(host, {
      operationId: host.newId(),
      userId: options.userId,
      operationType: 'ModifyProcessInstance',
      entityType: 'ProcessInstance',
      annotation: options.annotation ?? null,
      deploymentId: definition.deploymentId,
      processDefinitionId: definition.id,
      processDefinitionKey: definition.key,
      processInstanceId: pi.id,
      rootProcessInstanceId: pi.rootProcessInstanceId,
    }),
  );
}

/**
 * What survives the batch configuration: targets, ancestors of startBefore/startAfter (since 7.23),
 * cancelCurrentActiveActivityInstances; never variables (Camunda's `ModificationCmdJsonConverter`).
 */
export function storableInstructions(
  instructions: ModificationInstruction[],
): ModificationInstruction[] {
  return instructions.map((instruction) => {
    switch (instruction.type) {
      case 'startBeforeActivity':
      case 'startAfterActivity':
        return {
          type: instruction.type,
          activityId: instruction.activityId,
          ancestorActivityInstanceId: instruction.ancestorActivityInstanceId ?? null,
        };
      case 'startTransition':
        return { type: 'startTransition', transitionId: instruction.transitionId };
      case 'cancel':
        return { ...instruction };
    }
  });
}

/** `POST /modification/executeAsync`: a batch; instances are only checked when its jobs run. */
export function executeModificationAsync(
  host: BatchHost,
  input: ManyInstancesModification,
): BatchRec {
  const definition = validateManyInstances(host, input);
  const ids = input.processInstanceIds as string[];
  input.checkCreateBatch?.();
  return host.run({ userId: input.userId }, (rt) => {
    const batch = createBatch(
      host,
      rt.ctx,
      modificationBatchJobHandler,
      definition,
      {
        kind: 'instance-modification',
        processDefinitionId: definition.id,
        processInstanceIds: ids,
        instructions: storableInstructions(input.instructions),
        skipCustomListeners: input.skipCustomListeners ?? false,
        skipIoMappings: input.skipIoMappings ?? false,
      },
      input.userId ?? null,
    );
    logManyInstances(host, rt.ctx, definition, ids.length, true, input);
    return batch;
  });
}

/** `POST /process-instance/{id}/modification-async`: a batch of one job. */
export function modifyProcessInstanceAsync(
  host: BatchHost,
  processInstanceId: string,
  instructions: ModificationInstruction[],
  options: {
    skipCustomListeners?: boolean;
    skipIoMappings?: boolean;
    annotation?: string | null;
    userId?: string | null;
    /** The user's permission check (`checkCreateBatch`), made once the instance is found. */
    authorize?: (instance: ProcessInstanceState) => void;
  },
): BatchRec {
  return host.run({ userId: options.userId }, (rt) => {
    const pi = rt.ctx.peek(processInstanceId);
    if (!pi) {
      throw new ProcessEngineException(
        `ENGINE-13036 Process instance '${processInstanceId}' cannot be modified. The process instance does not exist`,
      );
    }
    options.authorize?.(pi);
    const definition = host.definition(pi.processDefinitionId);
    if (!definition) {
      throw new ProcessEngineException(
        `no deployed process definition found with id '${pi.processDefinitionId}'`,
      );
    }
    const batch = createBatch(
      host,
      rt.ctx,
      modificationBatchJobHandler,
      definition,
      {
        kind: 'instance-modification',
        processDefinitionId: definition.id,
        processInstanceIds: [processInstanceId],
        instructions: storableInstructions(instructions),
        skipCustomListeners: options.skipCustomListeners ?? false,
        skipIoMappings: options.skipIoMappings ?? false,
      },
      options.userId ?? null,
    );
    logInstanceModification(host, rt.ctx, definition, pi, options);
    return batch;
  });
}
