/**
 * `…/{id}/variables` of a variable scope (process instance, task), after Camunda's
 * `AbstractVariablesResource`: messages name the scope ("process instance variable x …").
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { TypedValue } from '../../engine/variables';
import type { VariableRec } from '../../engine/runtime/state';
import { parseUrlFilters } from '../query-params';
import {
  bodyObject,
  jsonString,
  readJsonBody,
  variableMapSchema,
  variableValueSchema,
} from '../request-body';
import type { RestContext, RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException, RestException, isWrappableEngineException } from '../rest-errors';
import {
  toTypedValue,
  toTypedValueMap,
  toVariableMapDto,
  toVariableValueDto,
} from '../variable-values';

export interface VariableScope {
  /** How Camunda names the scope in messages, e.g. `process instance`. */
  resourceTypeName: string;
  /**
   * The scope's variables; throws (as the engine would) when the scope does not exist, or when
   * the user may not read them.
   */
  read: (id: string, c: RestContext) => Record<string, VariableRec>;
  /** Sets and removes variables, if the user may; omitted for read-only scopes. */
  write?: (
    id: string,
    modifications: Record<string, TypedValue>,
    deletions: string[],
    c: RestContext,
  ) => void;
}

const patchSchema = bodyObject({
  modifications: variableMapSchema.nullish(),
  deletions: z.array(jsonString).nullish(),
});

function rethrowAs(error: unknown, message: (cause: string) => string): never {
  if (error instanceof RestException) {
    throw new InvalidRequestException(error.status, message(error.message));
  }
  if (isWrappableEngineException(error)) {
    throw new RestException(500, message(error.message));
  }
  throw error;
}

/** Registers the variable routes under `base`, e.g. `/process-instance/:id`. */
export function addVariableRoutes(app: Hono<RestEnv>, base: string, scope: VariableScope): void {
  const type = scope.resourceTypeName;

  app.get(`${base}/variables`, (c) => {
    const { deserializeValues = true } = parseUrlFilters(urlQuery(c), {
      deserializeValues: 'boolean',
    });
    return c.json(toVariableMapDto(scope.read(pathParam(c, 'id'), c), deserializeValues));
  });

  app.get(`${base}/variables/:name`, (c) => {
    const name = pathParam(c, 'name');
    const { deserializeValue = true } = parseUrlFilters(urlQuery(c), {
      deserializeValue: 'boolean',
    });
    let variables: Record<string, VariableRec>;
    try {
      variables = scope.read(pathParam(c, 'id'), c);
    } catch (error) {
      rethrowAs(error, (cause) => `Cannot get ${type} variable ${name}: ${cause}`);
    }
    const variable = variables[name];
    if (!variable) {
      throw new InvalidRequestException(404, `${type} variable with name ${name} does not exist`);
    }
    return c.json(toVariableValueDto(variable.value, deserializeValue));
  });

  const { write } = scope;
  if (!write) {
    return;
  }

  app.post(`${base}/variables`, async (c) => {
    const body = await readJsonBody(c, patchSchema);
    try {
      write(pathParam(c, 'id'), toTypedValueMap(body.modifications), body.deletions ?? [], c);
    } catch (error) {
      rethrowAs(error, (cause) => `Cannot modify variables for ${type}: ${cause}`);
    }
    return c.body(null, 204);
  });

  app.put(`${base}/variables/:name`, async (c) => {
    const name = pathParam(c, 'name');
    const body = await readJsonBody(c, variableValueSchema);
    try {
      write(pathParam(c, 'id'), { [name]: toTypedValue(body) }, [], c);
    } catch (error) {
      rethrowAs(error, (cause) => `Cannot put ${type} variable ${name}: ${cause}`);
    }
    return c.body(null, 204);
  });

  app.delete(`${base}/variables/:name`, (c) => {
    const name = pathParam(c, 'name');
    try {
      write(pathParam(c, 'id'), {}, [name], c);
    } catch (error) {
      rethrowAs(error, (cause) => `Cannot delete ${type} variable ${name}: ${cause}`);
    }
    return c.body(null, 204);
  });
}
