/** HTTP Basic authentication of `/engine-rest`; the user id goes to engine commands. */
import type { MiddlewareHandler } from 'hono';
import type { IdentityService } from '../engine/authorization/identity-service';
import type { RestEnv } from './rest-env';

/** Camunda's realm: the engine name. */
const CHALLENGE = 'Basic realm="default"';

function decodeCredentials(header: string | undefined): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) {
    return null;
  }
  let decoded: string;
  try {
    const binary = atob(match[1]);
    decoded = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    return null;
  }
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Requires valid credentials, as Camunda's `ProcessEngineAuthenticationFilter` with its
 * `HttpBasicAuthenticationProvider` does: without them the answer is 401 with the challenge
 * `Basic realm="<engine name>"` (`augmentResponseByAuthenticationChallenge`) and an empty body,
 * since the filter only sets the status.
 */
export function basicAuth(identity: IdentityService): MiddlewareHandler<RestEnv> {
  return async (c, next) => {
    const credentials = decodeCredentials(c.req.header('Authorization'));
    // The provider asks IdentityService.checkPassword, which refuses a delayed or locked user
    // even with the right password and counts every wrong one.
    if (!credentials || !(await identity.checkPassword(credentials.user, credentials.password))) {
      c.header('WWW-Authenticate', CHALLENGE);
      return c.body(null, 401);
    }
    c.set('userId', credentials.user);
    // ProcessEngineAuthenticationFilter.setAuthenticatedUser: the user with its groups.
    c.set('groupIds', identity.groupIds(credentials.user));
    await next();
  };
}

/**
 * No authentication, as Camunda Run's default configuration (`camunda.bpm.run.auth.enabled:
 * false`) serves the REST API: no filter runs, every request has no authenticated user and any
 * Authorization header is ignored. The engine then writes no user operation log
 * (`UserOperationLogManager.isUserOperationLogEnabled` needs an authenticated user) and batches
 * have no `createUserId` (`BatchManager.insertBatch` takes the authenticated user id).
 */
export const anonymous: MiddlewareHandler<RestEnv> = async (c, next) => {
  c.set('userId', null);
  c.set('groupIds', []);
  await next();
};
