/**
 * `/authorization`: Camunda's `AuthorizationRestService` (list, count, get, create, update,
 * delete, options) and `GET /authorization/check`. Authorizations a user may not READ are not
 * listed, counted or found, as `AuthorizationManager.configureQuery(query, AUTHORIZATION)` filters
 * them.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type {
  AuthorizationInput,
  AuthorizationRec,
} from '../../engine/authorization/authorization-service';
import { ANY } from '../../engine/authorization/authorization-service';
import type { PermissionCheck } from '../../engine/authorization/authorization-service';
import {
  Permissions,
  Resources,
  permissionForName,
  permissionNames,
} from '../../engine/authorization/resources';
import type { EngineApi } from '../../engine/engine-api';
import { sortAndPage } from '../../engine/query/query-support';
import { defineQuery, parsePaging, parseUrlQuery } from '../query-params';
import { bodyObject, jsonInteger, jsonString, jsonStringList, readJsonBody } from '../request-body';
import type { RestContext, RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';

/** Camunda's `AuthorizationDto`. */
export interface AuthorizationDto {
  id: string;
  type: number;
  permissions: string[];
  userId: string | null;
  groupId: string | null;
  resourceType: number;
  resourceId: string | null;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
}

/** Camunda's `AuthorizationCheckResultDto`; `authorized` is its `isAuthorized()` getter. */
export interface AuthorizationCheckResultDto {
  permissionName: string;
  resourceName: string;
  resourceId: string | null;
  authorized: boolean;
}

interface LinkDto {
  method: string;
  href: string;
  rel: string;
}

const AUTHORIZATION_QUERY = defineQuery(
  {
    id: 'string',
    type: 'integer',
    userIdIn: 'stringList',
    groupIdIn: 'stringList',
    resourceType: 'integer',
    resourceId: 'string',
  },
  ['resourceType', 'resourceId'],
);

const authorizationBodySchema = bodyObject({
  type: jsonInteger.nullish(),
  permissions: jsonStringList.nullish(),
  userId: jsonString.nullish(),
  groupId: jsonString.nullish(),
  resourceType: jsonInteger.nullish(),
  resourceId: jsonString.nullish(),
});

type AuthorizationBody = z.output<typeof authorizationBodySchema>;

function toAuthorizationDto(authorization: AuthorizationRec): AuthorizationDto {
  return {
    id: authorization.id,
    type: authorization.type,
    permissions: permissionNames(
      authorization.resourceType,
      authorization.type,
      authorization.permissions,
    ),
    userId: authorization.userId,
    groupId: authorization.groupId,
    resourceType: authorization.resourceType,
    resourceId: authorization.resourceId,
    removalTime: null,
    rootProcessInstanceId: null,
  };
}

function toInput(body: AuthorizationBody): AuthorizationInput {
  return {
    userId: body.userId ?? null,
    groupId: body.groupId ?? null,
    resourceType: body.resourceType ?? null,
    resourceId: body.resourceId ?? null,
    permissions: body.permissions ?? null,
  };
}

function must<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error('unknown permission');
  }
  return value;
}

const onAuthorization = (permission: string, resourceId: string | null): PermissionCheck => ({
  permission: must(Permissions[permission]),
  resource: Resources.AUTHORIZATION,
  resourceId,
});

export function authorizationRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();
  const service = engine.authorizationService;

  const readable = (c: RestContext) => (authorization: AuthorizationRec) =>
    c.var.checker.allows([onAuthorization('READ', authorization.id)]);

  const find = (c: RestContext) => {
    const { filters, sortings } = parseUrlQuery(urlQuery(c), AUTHORIZATION_QUERY);
    return {
      sortings,
      found: service
        .query({
          id: filters.id,
          type: filters.type,
          userIdIn: filters.userIdIn,
          groupIdIn: filters.groupIdIn,
          resourceType: filters.resourceType,
          resourceId: filters.resourceId,
        })
        .filter(readable(c)),
    };
  };

  /** `AuthorizationResourceImpl.getDbAuthorization`: a query, so an unreadable one is missing. */
  const dbAuthorization = (c: RestContext): AuthorizationRec => {
    const id = pathParam(c, 'id');
    const authorization = service.authorization(id);
    if (!authorization || !readable(c)(authorization)) {
      throw new InvalidRequestException(404, `Authorization with id ${id} does not exist.`);
    }
    return authorization;
  };

  /** The user's check on the Authorization resource, and the user the operation is logged for. */
  const command = (c: RestContext, permission: string, resourceId: string | null) => ({
    check: () => {
      c.var.checker.check([onAuthorization(permission, resourceId)], false);
    },
    userId: c.var.userId,
  });

  app.get('/authorization', (c) => {
    const { found, sortings } = find(c);
    const sorted = sortAndPage(
      found,
      sortings,
      { resourceType: (a) => a.resourceType, resourceId: (a) => a.resourceId },
      parsePaging(urlQuery(c)),
    );
    return c.json<AuthorizationDto[]>(sorted.map(toAuthorizationDto));
  });

  app.get('/authorization/count', (c) => c.json({ count: find(c).found.length }));

  app.options('/authorization', (c) => {
    const base = `${c.var.baseUrl}/authorization`;
    const links: LinkDto[] = [
      { method: 'GET', href: base, rel: 'list' },
      { method: 'GET', href: `${base}/count`, rel: 'count' },
    ];
    if (c.var.checker.allows([onAuthorization('CREATE', ANY)])) {
      links.push({ method: 'POST', href: `${base}/create`, rel: 'create' });
    }
    return c.json({ links });
  });

  app.get('/authorization/check', (c) => c.json(isUserAuthorized(c, engine)));

  app.post('/authorization/create', async (c) => {
    const body = await readJsonBody(c, authorizationBodySchema);
    const created = service.createAuthorization(
      body.type ?? 0,
      toInput(body),
      command(c, 'CREATE', null),
    );
    // Camunda answers with GET /authorization/{id}, a query the creator may not pass.
    if (!readable(c)(created)) {
      throw new InvalidRequestException(404, `Authorization with id ${created.id} does not exist.`);
    }
    return c.json<AuthorizationDto>(toAuthorizationDto(created));
  });

  app.get('/authorization/:id', (c) =>
    c.json<AuthorizationDto>(toAuthorizationDto(dbAuthorization(c))),
  );

  app.put('/authorization/:id', async (c) => {
    const existing = dbAuthorization(c);
    const body = await readJsonBody(c, authorizationBodySchema);
    service.updateAuthorization(
      existing.id,
      // AuthorizationDto.update: the type stays, an absent resourceType keeps the old one.
      { ...toInput(body), resourceType: body.resourceType ?? existing.resourceType },
      command(c, 'UPDATE', existing.id),
    );
    return c.body(null, 204);
  });

  app.delete('/authorization/:id', (c) => {
    const existing = dbAuthorization(c);
    service.deleteAuthorization(existing.id, command(c, 'DELETE', existing.id));
    return c.body(null, 204);
  });

  app.options('/authorization/:id', (c) => {
    const id = pathParam(c, 'id');
    const href = `${c.var.baseUrl}/authorization/${id}`;
    const links: LinkDto[] = [{ method: 'GET', href, rel: 'self' }];
    if (c.var.checker.allows([onAuthorization('DELETE', id)])) {
      links.push({ method: 'DELETE', href, rel: 'delete' });
    }
    if (c.var.checker.allows([onAuthorization('UPDATE', id)])) {
      links.push({ method: 'PUT', href, rel: 'update' });
    }
    return c.json({ links });
  });

  return app;
}

/**
 * `AuthorizationRestServiceImpl.isUserAuthorized`: whether the current user (or, for a reader of
 * authorizations, another user) has a permission; with authorization disabled the engine answers
 * true for every check (`AuthorizationManager.isAuthorized`).
 */
function isUserAuthorized(c: Context<RestEnv>, engine: EngineApi): AuthorizationCheckResultDto {
  const query = urlQuery(c);
  const { permissionName, resourceName, resourceId, userId } = query;
  const resourceTypeText = query.resourceType;
  if (permissionName === undefined) {
    throw new InvalidRequestException(400, "Query parameter 'permissionName' cannot be null");
  }
  if (resourceName === undefined) {
    throw new InvalidRequestException(400, "Query parameter 'resourceName' cannot be null");
  }
  if (resourceTypeText === undefined) {
    throw new InvalidRequestException(400, "Query parameter 'resourceType' cannot be null");
  }
  const resourceType = Number(resourceTypeText);
  if (!/^-?\d+$/.test(resourceTypeText)) {
    throw new InvalidRequestException(
      400,
      `Cannot set query parameter 'resourceType' to value '${resourceTypeText}'`,
    );
  }
  const currentUserId = c.var.userId;
  if (currentUserId === null) {
    throw new InvalidRequestException(
      401,
      'You must be authenticated in order to use this resource.',
    );
  }
  const service = engine.authorizationService;
  const permission = permissionForName(permissionName, resourceType);
  let userIdToCheck = currentUserId;
  let groupIds = c.var.groupIds;
  if (userId !== undefined && userId !== currentUserId) {
    if (!service.isAuthorized(currentUserId, c.var.groupIds, [onAuthorization('READ', null)])) {
      throw new InvalidRequestException(
        403,
        'You must have READ permission for Authorization resource.',
      );
    }
    userIdToCheck = userId;
    groupIds = engine.identityService.groupIds(userId);
  }
  const resource = { name: resourceName, type: resourceType, constant: resourceName };
  const authorized = service.isAuthorized(userIdToCheck, groupIds, [
    {
      permission,
      resource,
      resourceId: resourceId === undefined || resourceId === ANY ? null : resourceId,
    },
  ]);
  return { permissionName, resourceName, resourceId: resourceId ?? null, authorized };
}
