import type { ExceptionDto, MissingAuthorizationDto } from '../../contract/camunda/common';

/** What every engine request throws: the HTTP status plus Camunda's `ExceptionDto`. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly status: number;
  /** The engine's exception class name, e.g. `NotFoundException`, or `NetworkError`/`HttpError`. */
  readonly type: string;
  readonly code: number | null;
  /**
   * For an `AuthorizationException` (403): the refused user and the permissions of which any one
   * would have been enough (Camunda's disjunctive checks); empty otherwise.
   */
  readonly userId: string | null;
  readonly missingAuthorizations: readonly MissingAuthorizationDto[];

  constructor({
    status,
    type,
    message,
    code = null,
    userId = null,
    missingAuthorizations = [],
  }: EngineErrorInit) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.userId = userId;
    this.missingAuthorizations = missingAuthorizations;
  }
}

interface EngineErrorInit {
  status: number;
  type: string;
  message: string;
  code?: number | null;
  userId?: string | null;
  missingAuthorizations?: readonly MissingAuthorizationDto[];
}

/** What an empty 401 means: the engine checks credentials and refused the ones sent, or none. */
export const UNAUTHORIZED_MESSAGE =
  'The engine did not accept the credentials (HTTP 401): sign in again with a user name and password the engine knows.';

/** Builds the error from a failed response, whether or not its body is Camunda's JSON. */
export function toEngineError(status: number, statusText: string, body: string): EngineError {
  const dto = parseExceptionDto(body);
  if (dto !== null) {
    return new EngineError({ status, ...dto });
  }
  if (status === 401) {
    // Camunda's ProcessEngineAuthenticationFilter answers 401 with an empty body and only a
    // `WWW-Authenticate` challenge, so the reason is said here.
    return new EngineError({ status, type: 'Unauthorized', message: UNAUTHORIZED_MESSAGE });
  }
  return new EngineError({
    status,
    type: 'HttpError',
    message: statusText === '' ? `HTTP ${String(status)}` : `HTTP ${String(status)} ${statusText}`,
  });
}

export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}

/**
 * A refusal in words an operator can act on: who lacks which permission on what. Camunda's own
 * message says the same in Java terms; this names each permission with its resource and says
 * that one of them is enough.
 */
export function describeMissingAuthorizations(error: EngineError): string | null {
  const missing = error.missingAuthorizations;
  if (missing.length === 0) {
    return null;
  }
  const who = error.userId === null ? 'You' : `The user ${error.userId}`;
  const permissions = missing.map(describePermission);
  const needs =
    permissions.length === 1
      ? `needs ${permissions[0] ?? ''}`
      : `needs one of these permissions: ${permissions.join('; or ')}`;
  return `${who} ${needs}. An administrator can grant it (Camunda Admin → Authorizations).`;
}

function describePermission({
  permissionName,
  resourceName,
  resourceId,
}: MissingAuthorizationDto): string {
  const target =
    resourceId === null || resourceId === '' || resourceId === '*'
      ? `every ${resourceName}`
      : `${resourceName} ${resourceId}`;
  return `${permissionName} on ${target}`;
}

interface ParsedExceptionDto extends ExceptionDto {
  code: number | null;
  userId: string | null;
  missingAuthorizations: MissingAuthorizationDto[];
}

function parseExceptionDto(body: string): ParsedExceptionDto | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return null;
  }
  const { type, message, code } = parsed as Partial<Record<keyof ExceptionDto, unknown>>;
  if (typeof type !== 'string' || typeof message !== 'string') {
    return null;
  }
  const { userId, missingAuthorizations } = parsed as Record<string, unknown>;
  return {
    type,
    message,
    code: typeof code === 'number' ? code : null,
    userId: typeof userId === 'string' ? userId : null,
    missingAuthorizations: Array.isArray(missingAuthorizations)
      ? missingAuthorizations.filter(isMissingAuthorization)
      : [],
  };
}

function isMissingAuthorization(value: unknown): value is MissingAuthorizationDto {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { permissionName, resourceName, resourceId } = value as Record<string, unknown>;
  return (
    typeof permissionName === 'string' &&
    typeof resourceName === 'string' &&
    (typeof resourceId === 'string' || resourceId === null)
  );
}
