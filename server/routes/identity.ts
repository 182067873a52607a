/**
 * `/user` and `/group`, read only: the users and groups the engine authenticates, filtered by READ
 * on `User` and `Group` as `DbReadOnlyIdentityServiceProvider` filters its queries.
 */
import { Hono } from 'hono';
import type { GroupRec, UserRec } from '../../engine/authorization/identity-service';
import { Permissions, Resources } from '../../engine/authorization/resources';
import type { Resource } from '../../engine/authorization/resources';
import type { EngineApi } from '../../engine/engine-api';
import { matchesLike, sortAndPage } from '../../engine/query/query-support';
import { defineQuery, parsePaging, parseUrlQuery } from '../query-params';
import type { RestContext, RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';

/** Camunda's `UserProfileDto`. */
interface UserProfileDto {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

/** Camunda's `GroupDto`. */
interface GroupDto {
  id: string;
  name: string | null;
  type: string | null;
}

const USER_QUERY = defineQuery(
  {
    id: 'string',
    idIn: 'stringList',
    firstName: 'string',
    firstNameLike: 'string',
    lastName: 'string',
    lastNameLike: 'string',
    email: 'string',
    emailLike: 'string',
    memberOfGroup: 'string',
  },
  ['userId', 'firstName', 'lastName', 'email'],
);

const GROUP_QUERY = defineQuery(
  {
    id: 'string',
    idIn: 'stringList',
    name: 'string',
    nameLike: 'string',
    type: 'string',
    member: 'string',
  },
  ['id', 'name', 'type'],
);

function toUserProfileDto(user: UserRec): UserProfileDto {
  return { id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email };
}

function toGroupDto(group: GroupRec): GroupDto {
  return { id: group.id, name: group.name, type: group.type };
}

const READ = Permissions.READ;

function readable(c: RestContext, resource: Resource, id: string): boolean {
  return (
    READ !== undefined && c.var.checker.allows([{ permission: READ, resource, resourceId: id }])
  );
}

export function identityRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();
  const identity = engine.identityService;

  const findUsers = (c: RestContext) => {
    const { filters: f, sortings } = parseUrlQuery(urlQuery(c), USER_QUERY);
    const members = f.memberOfGroup === undefined ? null : identity.memberIds(f.memberOfGroup);
    const found = identity
      .allUsers()
      .filter(
        (u) =>
          (f.id === undefined || u.id === f.id) &&
          (f.idIn === undefined || f.idIn.includes(u.id)) &&
          (f.firstName === undefined || u.firstName === f.firstName) &&
          (f.firstNameLike === undefined || matchesLike(u.firstName, f.firstNameLike)) &&
          (f.lastName === undefined || u.lastName === f.lastName) &&
          (f.lastNameLike === undefined || matchesLike(u.lastName, f.lastNameLike)) &&
          (f.email === undefined || u.email === f.email) &&
          (f.emailLike === undefined || matchesLike(u.email, f.emailLike)) &&
          (members === null || members.includes(u.id)) &&
          readable(c, Resources.USER, u.id),
      );
    return { found, sortings };
  };

  const findGroups = (c: RestContext) => {
    const { filters: f, sortings } = parseUrlQuery(urlQuery(c), GROUP_QUERY);
    const memberOf = f.member === undefined ? null : identity.groupIds(f.member);
    const found = identity
      .allGroups()
      .filter(
        (g) =>
          (f.id === undefined || g.id === f.id) &&
          (f.idIn === undefined || f.idIn.includes(g.id)) &&
          (f.name === undefined || g.name === f.name) &&
          (f.nameLike === undefined || matchesLike(g.name, f.nameLike)) &&
          (f.type === undefined || g.type === f.type) &&
          (memberOf === null || memberOf.includes(g.id)) &&
          readable(c, Resources.GROUP, g.id),
      );
    return { found, sortings };
  };

  app.get('/user', (c) => {
    const { found, sortings } = findUsers(c);
    const keys = {
      userId: (u: UserRec) => u.id,
      firstName: (u: UserRec) => u.firstName,
      lastName: (u: UserRec) => u.lastName,
      email: (u: UserRec) => u.email,
    };
    return c.json(
      sortAndPage(found, sortings, keys, parsePaging(urlQuery(c))).map(toUserProfileDto),
    );
  });
  app.get('/user/count', (c) => c.json({ count: findUsers(c).found.length }));
  app.get('/user/:id/profile', (c) => {
    const id = pathParam(c, 'id');
    const user = identity.user(id);
    if (!user || !readable(c, Resources.USER, id)) {
      throw new InvalidRequestException(404, `User with id ${id} does not exist`);
    }
    return c.json(toUserProfileDto(user));
  });

  app.get('/group', (c) => {
    const { found, sortings } = findGroups(c);
    const keys = {
      id: (g: GroupRec) => g.id,
      name: (g: GroupRec) => g.name,
      type: (g: GroupRec) => g.type,
    };
    return c.json(sortAndPage(found, sortings, keys, parsePaging(urlQuery(c))).map(toGroupDto));
  });
  app.get('/group/count', (c) => c.json({ count: findGroups(c).found.length }));
  app.get('/group/:id', (c) => {
    const id = pathParam(c, 'id');
    const group = identity.group(id);
    if (!group || !readable(c, Resources.GROUP, id)) {
      throw new InvalidRequestException(404, `Group with id ${id} does not exist`);
    }
    return c.json(toGroupDto(group));
  });

  return app;
}
