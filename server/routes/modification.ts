/**
 * `/modification/execute` and `/modification/executeAsync` (contract §2.4, §2.5). The request is
 * validated here in Camunda's order; executing it needs an atomic multi-instance modification
 * (or batches) from the engine, which `EngineApi` does not offer yet, so valid requests are
 * answered with 501.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { EngineApi } from '../../engine/engine-api';
import { findHistoricProcessInstances } from '../../engine/query/history-query';
import { findProcessInstances } from '../../engine/query/process-instance-query';
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

/** Checks 1–6 of contract §2.4, in Camunda's order; all are 400 `InvalidRequestException`s. */
function validate(engine: EngineApi, body: ModificationExecuteBody): void {
  const fail = (message: string) => new InvalidRequestException(400, message);
  if (body.processDefinitionId === null || body.processDefinitionId === undefined) {
    throw fail('processDefinitionId is null');
  }
  toModificationInstructions(body.instructions, 'modificationExecute');
  if (!body.instructions?.length) {
    throw fail('Modification instructions cannot be empty is empty');
  }
  const ids = selectInstanceIds(engine, body);
  if (!ids.length) {
    throw fail('Process instance ids cannot be empty: Process instance ids is empty');
  }
  if (ids.includes(null)) {
    throw fail('Process instance ids cannot be null: Process instance ids contains null value');
  }
  if (!engine.definition(body.processDefinitionId)) {
    throw fail(
      `no deployed process definition found with id '${body.processDefinitionId}': processDefinition is null`,
    );
  }
}

export function modificationRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();
  for (const [path, what] of [
    ['/modification/execute', 'Modifying several process instances in one transaction'],
    ['/modification/executeAsync', 'Asynchronous modification (batches)'],
  ] as const) {
    app.post(path, async (c) => {
      validate(engine, await readJsonBody(c, modificationExecuteSchema));
      throw new InvalidRequestException(501, `${what} is not supported by this engine yet`);
    });
  }
  return app;
}
