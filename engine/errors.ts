/**
 * Engine exceptions, named after their Camunda 7 Java classes because the REST layer reports the
 * simple class name as the error `type` (Camunda's REST `ExceptionHandler`).
 */
export class ProcessEngineException extends Error {
  /** Camunda's simple class name, reported as `type` in the REST error body. */
  readonly type: string = 'ProcessEngineException';
  readonly code: number = 0;
}

/**
 * Another command committed a change to what this one changed (Camunda's optimistic locking);
 * the REST layer answers 500, as Camunda does.
 */
export class OptimisticLockingException extends ProcessEngineException {
  override readonly type: string = 'OptimisticLockingException';
}

/** Maps to HTTP 400 (Camunda's `BadUserRequestException` family). */
export class BadUserRequestException extends ProcessEngineException {
  override readonly type: string = 'BadUserRequestException';
}

export class NotValidException extends BadUserRequestException {
  override readonly type: string = 'NotValidException';
}

export class NotFoundException extends BadUserRequestException {
  override readonly type: string = 'NotFoundException';
}

export class ParseException extends BadUserRequestException {
  override readonly type: string = 'ParseException';
}

/** A 500 in Camunda: a null check failed inside a command. */
export class NullValueException extends ProcessEngineException {
  override readonly type: string = 'NullValueException';
}

/** An expression could not be parsed or evaluated (Camunda's `ProcessEngineException` subclass). */
export class ExpressionEvaluationException extends ProcessEngineException {
  override readonly type: string = 'ProcessEngineException';
}

/** The user lacks a permission: HTTP 403. */
export class AuthorizationException extends ProcessEngineException {
  override readonly type: string = 'AuthorizationException';
  constructor(
    message: string,
    readonly userId: string,
    readonly missingAuthorizations: {
      permissionName: string;
      resourceName: string;
      /** Null where Camunda checked the resource type as a whole. */
      resourceId: string | null;
    }[],
  ) {
    super(message);
  }
}

/** True when the exception is one the REST layer reports with status 400. */
export function isBadUserRequest(error: unknown): error is BadUserRequestException {
  return error instanceof BadUserRequestException;
}

/** No or several subscriptions match a correlated message; the REST layer answers 400. */
export class MismatchingMessageCorrelationException extends ProcessEngineException {
  override readonly type: string = 'MismatchingMessageCorrelationException';
}

/**
 * A request body the REST layer cannot translate: Camunda's REST `InvalidRequestException` (HTTP
 * 400, e.g. from `VariableValueDto.toTypedValue` or `ProcessInstanceModificationInstructionDto`).
 * Thrown by the translations the server and the console's preview share (engine/variable-input.ts,
 * engine/modification/modification-request.ts); the server answers it as its own exception.
 */
export class InvalidRequestDtoException extends Error {
  readonly type = 'InvalidRequestException';
  readonly status = 400;
}
