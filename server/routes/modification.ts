/**
 * `/modification/execute` and `/modification/executeAsync`
 * (docs/camunda-semantics.md#many-instances, docs/camunda-semantics.md#many-instances-as-a-batch).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ManyInstancesModification } from '../../engine/batch/modification-batch';
import { definitionKeyOf } from '../../engine/authorization/readable-engine';
import type { EngineApi } from '../../engine/engine-api';
import { BadUserRequestException } from '../../engine/errors';
import { findHistoricProcessInstances } from '../../engine/query/history-query';
import { findProcessInstances } from '../../engine/query/process-instance-query';
import type { BatchDto } from '../../contract/camunda/batch';
import { toBatchDto } from '../dto-mappers';
import { instructionListSchema, toModificationInstructions } from '../modification-instructions';
import { fromQueryBody, queryBodySchema } from '../query-params';
import { bodyObject, jsonBoolean, jsonString, readJsonBody } from '../request-body';
import type { RestContext, RestEnv } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';
import { HISTORIC_PROCESS_INSTANCE_QUERY, toHistoricProcessInstanceQuery } from './history';
import { PROCESS_INSTANCE_QUERY } from './process-instance';

const modificationExecuteSchema = bodyObject({
  processDefinitionId: jsonString.nullish(),
  instructions: instructionListSchema,
  processInstanceIds: z.array(jsonString.nullable()).nullish(),
  processInstanceQuery: queryBodySchema(PROCESS_INSTANCE_QUERY).nullish(),
  historicProcessInstanceQuery: queryBodySchema(HISTORIC_PROCESS_INSTANCE_QUERY).nullish(),
  skipCustomListeners: jsonBoolean.nullish(),
  skipIoMappings: jsonBoolean.nullish(),
  annotation: jsonString.nullish(),
});

type ModificationExecuteBody = z.output<typeof modificationExecuteSchema>;

/** The union of the three instance sources, duplicates removed, in first-seen order. */
function selectInstanceIds(reader: EngineApi, body: ModificationExecuteBody): (string | null)[] {
  const ids: (string | null)[] = [...(body.processInstanceIds ?? [])];
  if (body.processInstanceQuery) {
    const { filters, sortings } = fromQueryBody(body.processInstanceQuery, PROCESS_INSTANCE_QUERY);
    ids.push(...findProcessInstances(reader, filters, sortings).map((instance) => instance.id));
  }
  if (body.historicProcessInstanceQuery) {
    const { filters, sortings } = fromQueryBody(
      body.historicProcessInstanceQuery,
      HISTORIC_PROCESS_INSTANCE_QUERY,
    );
    ids.push(
      ...findHistoricProcessInstances(
        reader,
        toHistoricProcessInstanceQuery(filters),
        sortings,
      ).map((instance) => instance.id),
    );
  }
  return [...new Set(ids)];
}

/**
 * Camunda's order (ModificationRestServiceImpl, ProcessInstanceModificationCmd):
 * `processDefinitionId` first, then the instruction DTOs; the engine checks the rest (empty
 * instructions, ids, unknown definition) and its 400s become `InvalidRequestException`s.
 */
function toManyInstancesModification(
  c: RestContext,
  body: ModificationExecuteBody,
): ManyInstancesModification {
  if (body.processDefinitionId === null || body.processDefinitionId === undefined) {
    throw new InvalidRequestException(400, 'processDefinitionId is null');
  }
  return {
    processDefinitionId: body.processDefinitionId,
    instructions: toModificationInstructions(body.instructions, 'modificationExecute'),
    // The queries select what the user may read (AuthorizationManager.configureExecutionQuery).
    processInstanceIds: selectInstanceIds(c.var.reader, body),
    skipCustomListeners: body.skipCustomListeners === true,
    skipIoMappings: body.skipIoMappings === true,
    annotation: body.annotation ?? null,
    userId: c.var.userId,
  };
}

async function asInvalidRequest<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof BadUserRequestException) {
      throw new InvalidRequestException(400, error.message);
    }
    throw error;
  }
}

export function modificationRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  app.post('/modification/execute', async (c) => {
    const body = await readJsonBody(c, modificationExecuteSchema);
    const input = toManyInstancesModification(c, body);
    await asInvalidRequest(async () => {
      await engine.executeModificationInTurns({
        ...input,
        // ModifyMultipleProcessInstancesCmd runs ProcessInstanceModificationCmd per instance,
        // each checking checkUpdateProcessInstance before it changes anything.
        checkInstance: (instance) => {
          c.var.checker.checkUpdateProcessInstance(
            instance.id,
            definitionKeyOf(engine, instance.processDefinitionId) ?? '',
          );
        },
        checkCancellation: (instance) => {
          c.var.checker.checkDeleteProcessInstance(
            instance.id,
            definitionKeyOf(engine, instance.processDefinitionId) ?? '',
          );
        },
      });
    });
    return c.body(null, 204);
  });

  app.post('/modification/executeAsync', async (c) => {
    const body = await readJsonBody(c, modificationExecuteSchema);
    const input = toManyInstancesModification(c, body);
    return c.json<BatchDto>(
      toBatchDto(
        await asInvalidRequest(() =>
          engine.executeModificationAsync({
            ...input,
            // BatchBuilder checks checkCreateBatch after the command's own validation.
            checkCreateBatch: () => {
              c.var.checker.checkCreateBatch('CREATE_BATCH_MODIFY_PROCESS_INSTANCES');
            },
          }),
        ),
      ),
    );
  });

  return app;
}
