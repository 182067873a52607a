/**
 * The users, groups and authorizations the embedded engine starts with: Camunda's demo users, or a
 * users file (`--users FILE` / `CONSOLE_USERS_FILE`) that replaces them.
 */
import { z } from 'zod';
import { ANY, AUTH_TYPE_GRANT } from '../engine/authorization/authorization-service';
import { ALL_RESOURCES, Resources } from '../engine/authorization/resources';
import type { EngineApi } from '../engine/engine-api';

/** `Groups.CAMUNDA_ADMIN`, which Camunda's admin setup grants ALL on every resource. */
export const CAMUNDA_ADMIN = 'camunda-admin';

const userSchema = z.strictObject({
  id: z.string().min(1),
  /** Plain, or Camunda's stored form `{SHA-512}<base64 of SHA-512(password + salt)>`. */
  password: z.string().min(1),
  salt: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
  groups: z.array(z.string().min(1)).optional(),
});

const groupSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  type: z.string().nullish(),
});

/** As Camunda's `AuthorizationCreateDto`. */
const authorizationSchema = z.strictObject({
  type: z.number().int(),
  userId: z.string().nullish(),
  groupId: z.string().nullish(),
  resourceType: z.number().int(),
  resourceId: z.string().nullish(),
  permissions: z.array(z.string()),
});

export const identitiesSchema = z.strictObject({
  users: z.array(userSchema),
  groups: z.array(groupSchema).optional(),
  authorizations: z.array(authorizationSchema).optional(),
});

export type Identities = z.infer<typeof identitiesSchema>;

const grant = (groupId: string, resourceType: number, permissions: string[]) => ({
  type: AUTH_TYPE_GRANT,
  groupId,
  resourceType,
  resourceId: ANY,
  permissions,
});

/**
 * Camunda's invoice demo users: demo administers (camunda-admin); john, in `sales`, may read
 * process definitions, instances, history, deployments and batches, and do nothing else.
 */
export const DEFAULT_IDENTITIES: Identities = {
  users: [
    {
      id: 'demo',
      password: 'demo',
      firstName: 'Demo',
      lastName: 'Demo',
      email: 'demo@camunda.org',
      groups: [CAMUNDA_ADMIN],
    },
    {
      id: 'john',
      password: 'john',
      firstName: 'John',
      lastName: 'Doe',
      email: 'john@camunda.org',
      groups: ['sales'],
    },
  ],
  groups: [{ id: 'sales', name: 'Sales', type: 'WORKFLOW' }],
  authorizations: [
    grant('sales', Resources.PROCESS_DEFINITION.type, ['READ', 'READ_HISTORY']),
    grant('sales', Resources.PROCESS_INSTANCE.type, ['READ']),
    grant('sales', Resources.DEPLOYMENT.type, ['READ']),
    grant('sales', Resources.BATCH.type, ['READ', 'READ_HISTORY']),
  ],
};

/** A users file that cannot be used; the message says why. */
export class IdentitiesFileError extends Error {}

/** Parses a users file's text. */
export function parseIdentities(text: string, source: string): Identities {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new IdentitiesFileError(`${source}: not JSON: ${(error as Error).message}`);
  }
  const parsed = identitiesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IdentitiesFileError(
      `${source}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
    );
  }
  return parsed.data;
}

/**
 * Replaces the engine's users, groups and authorizations. `camunda-admin` always exists with ALL
 * on every resource type, as Camunda's admin setup (`SetupResource`, the invoice demo's
 * `DemoDataGenerator`) creates it, so its members pass every check no user revoke takes back.
 */
export function loadIdentities(engine: EngineApi, identities: Identities): void {
  const groups = [
    { id: CAMUNDA_ADMIN, name: 'camunda BPM Administrators', type: 'SYSTEM' },
    ...(identities.groups ?? []).filter((group) => group.id !== CAMUNDA_ADMIN),
  ];
  const known = new Set(groups.map((group) => group.id));
  for (const user of identities.users) {
    for (const groupId of user.groups ?? []) {
      if (!known.has(groupId)) {
        throw new IdentitiesFileError(`user ${user.id}: unknown group ${groupId}`);
      }
    }
  }
  engine.identityService.replaceAll(
    identities.users.map((user) => ({
      id: user.id,
      password: user.password,
      salt: user.salt ?? null,
      firstName: user.firstName ?? null,
      lastName: user.lastName ?? null,
      email: user.email ?? null,
    })),
    groups.map((group) => ({ id: group.id, name: group.name ?? null, type: group.type ?? null })),
    identities.users.flatMap((user) =>
      (user.groups ?? []).map((groupId): [string, string] => [user.id, groupId]),
    ),
  );
  const authorizations = engine.authorizationService;
  authorizations.clear();
  for (const resource of ALL_RESOURCES) {
    authorizations.createAuthorization(AUTH_TYPE_GRANT, {
      groupId: CAMUNDA_ADMIN,
      resourceType: resource.type,
      resourceId: ANY,
      permissions: ['ALL'],
    });
  }
  for (const [index, authorization] of (identities.authorizations ?? []).entries()) {
    try {
      authorizations.createAuthorization(authorization.type, authorization);
    } catch (error) {
      throw new IdentitiesFileError(`authorizations.${String(index)}: ${(error as Error).message}`);
    }
  }
}
