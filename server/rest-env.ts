/** What the REST routes share through Hono's context. */
import type { Context } from 'hono';
import type { CommandChecker } from '../engine/authorization/command-checker';
import type { EngineApi } from '../engine/engine-api';

export interface RestEnv {
  Variables: {
    /** The authenticated user, passed to engine commands for the user operation log. */
    userId: string | null;
    /** `http://host/engine-rest` (or `…/engine/default`), for the `links` of DTOs. */
    baseUrl: string;
    /** The authenticated user's groups. */
    groupIds: readonly string[];
    /** The authenticated user's permission checks (none without a user or authorization). */
    checker: CommandChecker;
    /** The engine as the user's queries see it: only what the user may read. */
    reader: EngineApi;
  };
}

export type RestContext = Context<RestEnv>;

/** URL query parameters (first value of each name, as Camunda reads them). */
export function urlQuery(c: RestContext): Record<string, string> {
  return c.req.query();
}

/** A required path parameter; Hono always provides those of the matched route. */
export function pathParam(c: RestContext, name: string): string {
  return c.req.param(name) ?? '';
}
