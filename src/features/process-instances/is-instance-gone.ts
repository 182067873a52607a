import { isEngineError } from '../../api/engine-error';

/** `GET /process-instance/{id}` answers 404 once the instance has ended or was deleted. */
export function isInstanceGone(error: unknown): boolean {
  return isEngineError(error) && error.status === 404;
}
