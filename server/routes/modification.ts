/** `/modification/execute` and `/modification/executeAsync` (contract §2.4, §2.5). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { ManyInstancesModification } from '../../engine/batch/modification-batch';
import type { EngineApi } from '../../engine/engine-api';
import { BadUserRequestException } from '../../engine/errors';
import { findHistoricProcessInstances } from '../../engine/query/history-query';
import { findProcessInstances } from '../../engine/query/process-instance-query';
import type { BatchDto } from '../../src/api/camunda-dto';
import { authorize } from '../authorization';
import { toBatchDto } from '../dto-mappers';
import { instructionListSchema, toModificationInstructions } from '../modification-instructions';
import { fromQueryBody, queryBodySchema } from '../query-params';
import { bodyObject, jsonBoolean, jsonString, readJsonBody } from '../request-body';
import type { RestEnv } from '../rest-env';
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
function selectInstanceIds(engine: EngineApi, body: ModificationExecuteBody): (string | null)[] {
  const ids: (string | null)[] = [...(body.processInstanceIds ?? [])];
  if (body.processInstanceQuery) {
    const { filters, sortings } = fromQueryBody(body.processInstanceQuery, PROCESS_INSTANCE_QUERY);
    ids.push(...findProcessInstances(engine, filters, sortings).map((instance) => instance.id));
  }
  if (body.historicProcessInstanceQuery) {
    const { filters, sortings } = fromQueryBody(
      body.historicProcessInstanceQuery,
      HISTORIC_PROCESS_INSTANCE_QUERY,
    );
    ids.push(
      ...findHistoricProcessInstances(
        engine,
        toHistoricProcessInstanceQuery(filters),
        sortings,
      ).map((instance) => instance.id),
    );
  }
  return [...new Set(ids)];
}

/**
 * Contract §2.4: `processDefinitionId` first, then the instruction DTOs; the engine checks the
 * rest (empty instructions, ids, unknown definition) and its 400s become `InvalidRequestException`s.
 */
function toManyInstancesModification(
  engine: EngineApi,
  body: ModificationExecuteBody,
  userId: string | null,
): ManyInstancesModification {
  if (body.processDefinitionId === null || body.processDefinitionId === undefined) {
    throw new InvalidRequestException(400, 'processDefinitionId is null');
  }
  return {
    processDefinitionId: body.processDefinitionId,
    instructions: toModificationInstructions(body.instructions, 'modificationExecute'),
    processInstanceIds: selectInstanceIds(engine, body),
    skipCustomListeners: body.skipCustomListeners === true,
    skipIoMappings: body.skipIoMappings === true,
    annotation: body.annotation ?? null,
    userId,
  };
}

function asInvalidRequest<T>(action: () => T): T {
  try {
    return action();
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
    const input = toManyInstancesModification(engine, body, c.var.userId);
    asInvalidRequest(() => {
      engine.executeModification(input);
    });
    return c.body(null, 204);
  });

  app.post('/modification/executeAsync', async (c) => {
    const body = await readJsonBody(c, modificationExecuteSchema);
    const input = toManyInstancesModification(engine, body, c.var.userId);
    // Camunda checks the permission after the engine's own checks (2.4: 3–6); the engine has no
    // hook for that yet, so a refused user learns of a missing permission first.
    authorize(c, 'createModificationBatch');
    return c.json<BatchDto>(
      toBatchDto(asInvalidRequest(() => engine.executeModificationAsync(input))),
    );
  });

  return app;
}
