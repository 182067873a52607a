/**
 * The REST layer's own exceptions and the one mapping from any thrown error to Camunda's error
 * body `{type, message, code}`, with the statuses of Camunda's `ExceptionHandlerHelper`
 * (docs/camunda-semantics.md#error-bodies-and-status-codes).
 */
import type {
  AuthorizationExceptionDto,
  ExceptionDto,
  ParseExceptionDto,
  ProblemDto,
} from '../contract/camunda/common';
import type { ParseProblem } from '../engine/model/bpmn-parse-exception';
import { BpmnParseException } from '../engine/model/bpmn-parse-exception';
import {
  AuthorizationException,
  BadUserRequestException,
  InvalidRequestDtoException,
  ProcessEngineException,
} from '../engine/errors';

/**
 * Camunda's `RestException`: an error answered with the status it carries and, as body `type`,
 * its class name. Thrown where Camunda's resources wrap an engine failure in one.
 */
export class RestException extends Error {
  readonly type: string = 'RestException';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Camunda's `InvalidRequestException`: malformed parameters, unknown ids answered with 404, … */
export class InvalidRequestException extends RestException {
  override readonly type: string = 'InvalidRequestException';
}

export interface ErrorResponse {
  status: number;
  body: ExceptionDto | AuthorizationExceptionDto | ParseExceptionDto;
}

function toProblemDto(problem: ParseProblem): ProblemDto {
  return {
    message: problem.message,
    line: problem.line ?? 0,
    column: problem.column ?? 0,
    mainElementId: problem.mainElementId,
    '\u0435lementIds': [...problem.elementIds],
  };
}

/** Status and body for anything a route threw, as Camunda's exception mappers answer it. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof RestException) {
    return { status: error.status, body: { type: error.type, message: error.message, code: null } };
  }
  if (error instanceof AuthorizationException) {
    // The deprecated single-permission fields are set only when exactly one permission is missing.
    const single =
      error.missingAuthorizations.length === 1 ? error.missingAuthorizations[0] : undefined;
    return {
      status: 403,
      body: {
        type: error.type,
        message: error.message,
        code: error.code,
        userId: error.userId,
        permissionName: single?.permissionName ?? null,
        resourceName: single?.resourceName ?? null,
        resourceId: single?.resourceId ?? null,
        missingAuthorizations: error.missingAuthorizations.map((missing) => ({ ...missing })),
      },
    };
  }
  if (error instanceof BpmnParseException) {
    // ExceptionHandlerHelper maps a ParseException to ParseExceptionDto: the problems of each
    // resource as `details`.
    return {
      status: 400,
      body: {
        type: error.type,
        message: error.message,
        code: error.code,
        details: {
          [error.resourceName]: { errors: error.problems.map(toProblemDto), warnings: [] },
        },
      },
    };
  }
  if (error instanceof BadUserRequestException) {
    return { status: 400, body: { type: error.type, message: error.message, code: error.code } };
  }
  if (error instanceof ProcessEngineException) {
    return { status: 500, body: { type: error.type, message: error.message, code: error.code } };
  }
  // A bug in the engine or the REST layer: Camunda answers 500 with the Java class name.
  const type = error instanceof Error ? error.constructor.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { type, message, code: null } };
}

/** True for engine exceptions (the `ProcessEngineException` family), whatever their status. */
export function isProcessEngineException(error: unknown): error is ProcessEngineException {
  return error instanceof ProcessEngineException;
}

/** Engine exceptions except authorization failures, which resources always pass on unchanged. */
export function isWrappableEngineException(error: unknown): error is ProcessEngineException {
  return error instanceof ProcessEngineException && !(error instanceof AuthorizationException);
}

/**
 * Runs `action` and rethrows engine exceptions (not authorization failures) as `wrap` makes
 * them: Camunda's resources often catch `ProcessEngineException` and answer with a REST
 * exception of their own status and wording.
 */
export function rethrowEngineError<T>(
  action: () => T,
  wrap: (error: ProcessEngineException) => Error,
): T {
  try {
    return action();
  } catch (error) {
    if (isWrappableEngineException(error)) {
      throw wrap(error);
    }
    throw error;
  }
}

/**
 * Runs a request translation the engine shares with the console's preview (variables,
 * modification instructions) and rethrows its refusal as this layer's `InvalidRequestException`,
 * with the same status and message, which routes wrap in their own wording as Camunda's do.
 */
export function asRestRequestError<T>(translate: () => T): T {
  try {
    return translate();
  } catch (error) {
    if (error instanceof InvalidRequestDtoException) {
      throw new InvalidRequestException(error.status, error.message);
    }
    throw error;
  }
}
