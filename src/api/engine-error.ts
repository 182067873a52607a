import type { ExceptionDto } from './camunda-dto';

/** What every engine request throws: the HTTP status plus Camunda's `ExceptionDto`. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly status: number;
  /** The engine's exception class name, e.g. `NotFoundException`, or `NetworkError`/`HttpError`. */
  readonly type: string;
  readonly code: number | null;

  constructor({ status, type, message, code = null }: EngineErrorInit) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
  }
}

interface EngineErrorInit {
  status: number;
  type: string;
  message: string;
  code?: number | null;
}

/** What an empty 401 means: the engine checks credentials and refused the ones sent, or none. */
export const UNAUTHORIZED_MESSAGE =
  'The engine did not accept the credentials (HTTP 401): sign in again with a user name and password the engine knows.';

/** Builds the error from a failed response, whether or not its body is Camunda's JSON. */
export function toEngineError(status: number, statusText: string, body: string): EngineError {
  const dto = parseExceptionDto(body);
  if (dto !== null) {
    return new EngineError({ status, type: dto.type, message: dto.message, code: dto.code });
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

function parseExceptionDto(body: string): ExceptionDto | null {
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
  return { type, message, code: typeof code === 'number' ? code : null };
}
