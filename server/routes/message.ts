/** `POST /message` (correlation) and `POST /signal` (broadcast). */
import { Hono } from 'hono';
import { definitionKeyOf } from '../../engine/authorization/readable-engine';
import type { CorrelationResult, EngineApi, EventAuthorization } from '../../engine/engine-api';
import { ProcessEngineException } from '../../engine/errors';
import type {
  ExecutionDto,
  MessageCorrelationResultWithVariableDto,
} from '../../contract/camunda/message';
import { toProcessInstanceDto } from '../dto-mappers';
import {
  bodyObject,
  jsonBoolean,
  jsonString,
  readJsonBody,
  variableMapSchema,
} from '../request-body';
import type { RestContext, RestEnv } from '../rest-env';
import { InvalidRequestException, RestException } from '../rest-errors';
import { toTypedValueMap, toVariableMapDto } from '../variable-values';

const correlationSchema = bodyObject({
  messageName: jsonString.nullish(),
  businessKey: jsonString.nullish(),
  tenantId: jsonString.nullish(),
  withoutTenantId: jsonBoolean.nullish(),
  processInstanceId: jsonString.nullish(),
  correlationKeys: variableMapSchema.nullish(),
  localCorrelationKeys: variableMapSchema.nullish(),
  processVariables: variableMapSchema.nullish(),
  processVariablesLocal: variableMapSchema.nullish(),
  all: jsonBoolean.nullish(),
  resultEnabled: jsonBoolean.nullish(),
  variablesInResultEnabled: jsonBoolean.nullish(),
});

const signalSchema = bodyObject({
  name: jsonString.nullish(),
  executionId: jsonString.nullish(),
  variables: variableMapSchema.nullish(),
  tenantId: jsonString.nullish(),
  withoutTenantId: jsonBoolean.nullish(),
});

/** Camunda's simple class name for a failed correlation, and its package for the message. */
const MISMATCHING_CORRELATION = 'MismatchingMessageCorrelationException';

/** Converts request variables, naming the operation in the message as Camunda does. */
function convert<T>(what: string, convertAll: () => T): T {
  try {
    return convertAll();
  } catch (error) {
    if (error instanceof RestException) {
      throw new InvalidRequestException(error.status, `Cannot deliver ${what}: ${error.message}`);
    }
    throw error;
  }
}

/** The user's checks of each instance and start event a message or signal reaches. */
function eventAuthorization(engine: EngineApi, c: RestContext): EventAuthorization {
  const { checker } = c.var;
  return {
    instance: (instance) => {
      checker.checkUpdateProcessInstance(
        instance.id,
        definitionKeyOf(engine, instance.processDefinitionId) ?? '',
      );
    },
    start: (definition) => {
      checker.checkCreateProcessInstance(definition.key);
    },
  };
}

export function messageRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  const toResultDto = (
    result: CorrelationResult,
    baseUrl: string,
    withVariables: boolean,
  ): MessageCorrelationResultWithVariableDto => {
    const running = engine.instance(result.processInstanceId);
    const historic = running ? undefined : engine.historicProcessInstance(result.processInstanceId);
    const dto: MessageCorrelationResultWithVariableDto = {
      resultType: result.resultType,
      processInstance: null,
      execution: null,
    };
    if (result.resultType === 'ProcessDefinition') {
      const instance = running ?? historic;
      if (instance) {
        // Camunda adds no self link to the instances in correlation results.
        dto.processInstance = { ...toProcessInstanceDto(instance, baseUrl, !running), links: [] };
      }
    } else {
      const execution: ExecutionDto = {
        id: result.executionId ?? result.processInstanceId,
        processInstanceId: result.processInstanceId,
        ended: !running,
        tenantId: running?.tenantId ?? historic?.tenantId ?? null,
      };
      dto.execution = execution;
    }
    if (withVariables) {
      dto.variables = toVariableMapDto(engine.processVariables(result.processInstanceId) ?? {});
    }
    return dto;
  };

  app.post('/message', async (c) => {
    const body = await readJsonBody(c, correlationSchema);
    if (body.messageName === null || body.messageName === undefined) {
      throw new InvalidRequestException(400, 'No message name supplied');
    }
    if (body.tenantId !== null && body.tenantId !== undefined && body.withoutTenantId === true) {
      throw new InvalidRequestException(
        400,
        "Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'.",
      );
    }
    const messageName = body.messageName;
    const input = convert('message', () => ({
      messageName,
      businessKey: body.businessKey ?? null,
      processInstanceId: body.processInstanceId ?? null,
      correlationKeys: toTypedValueMap(body.correlationKeys),
      localCorrelationKeys: toTypedValueMap(body.localCorrelationKeys),
      processVariables: toTypedValueMap(body.processVariables),
      processVariablesLocal: toTypedValueMap(body.processVariablesLocal),
      all: body.all === true,
    }));
    let results: CorrelationResult[];
    try {
      results = engine.correlateMessage({ ...input, authorize: eventAuthorization(engine, c) });
    } catch (error) {
      if (error instanceof ProcessEngineException && error.type === MISMATCHING_CORRELATION) {
        // Camunda wraps it in a RestException whose message is the cause's `toString()`.
        throw new RestException(
          400,
          `org.camunda.bpm.engine.${MISMATCHING_CORRELATION}: ${error.message}`,
        );
      }
      throw error;
    }
    if (body.resultEnabled !== true) {
      return c.body(null, 204);
    }
    const withVariables = body.variablesInResultEnabled === true;
    return c.json(results.map((result) => toResultDto(result, c.var.baseUrl, withVariables)));
  });

  app.post('/signal', async (c) => {
    const body = await readJsonBody(c, signalSchema);
    if (body.name === null || body.name === undefined) {
      throw new InvalidRequestException(400, 'No signal name given');
    }
    if (body.tenantId !== null && body.tenantId !== undefined && body.withoutTenantId === true) {
      throw new InvalidRequestException(
        400,
        "Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'.",
      );
    }
    if (body.executionId !== null && body.executionId !== undefined) {
      throw new InvalidRequestException(
        501,
        'Delivering a signal to a single execution is not supported by this engine yet; omit executionId to broadcast',
      );
    }
    const name = body.name;
    const variables = convert('signal', () => toTypedValueMap(body.variables));
    engine.throwSignal(name, variables, eventAuthorization(engine, c));
    return c.body(null, 204);
  });

  return app;
}
