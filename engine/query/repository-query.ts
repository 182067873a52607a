/** `GET /deployment` and `GET /process-definition` filters and sort keys. */
import type { EngineApi } from '../engine-api';
import type { DeploymentRec, ProcessDefinitionRec } from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import { matchesLike, matchesTenant, sortAndPage } from './query-support';

/** Field names as in Camunda's `DeploymentQueryDto`. */
export interface DeploymentQuery {
  id?: string;
  name?: string;
  nameLike?: string;
  source?: string;
  withoutSource?: boolean;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  before?: number;
  after?: number;
}

export const DEPLOYMENT_SORT_KEYS: SortKeys<DeploymentRec> = {
  id: (deployment) => deployment.id,
  name: (deployment) => deployment.name,
  deploymentTime: (deployment) => deployment.deploymentTime,
  tenantId: (deployment) => deployment.tenantId,
};

export function matchesDeployment(deployment: DeploymentRec, query: DeploymentQuery): boolean {
  const q = query;
  if (q.id !== undefined && deployment.id !== q.id) {
    return false;
  }
  if (q.name !== undefined && deployment.name !== q.name) {
    return false;
  }
  if (q.nameLike !== undefined && !matchesLike(deployment.name, q.nameLike)) {
    return false;
  }
  if (q.source !== undefined && deployment.source !== q.source) {
    return false;
  }
  if (q.withoutSource === true && deployment.source !== null) {
    return false;
  }
  if (q.before !== undefined && deployment.deploymentTime >= q.before) {
    return false;
  }
  if (q.after !== undefined && deployment.deploymentTime <= q.after) {
    return false;
  }
  return matchesTenant(deployment.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findDeployments(
  engine: EngineApi,
  query: DeploymentQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): DeploymentRec[] {
  const matching = [...engine.deployments()].filter((deployment) =>
    matchesDeployment(deployment, query),
  );
  return sortAndPage(matching, sortings, DEPLOYMENT_SORT_KEYS, paging);
}

/** Field names as in Camunda's `ProcessDefinitionQueryDto`. */
export interface ProcessDefinitionQuery {
  processDefinitionId?: string;
  processDefinitionIdIn?: string[];
  name?: string;
  nameLike?: string;
  deploymentId?: string;
  key?: string;
  keysIn?: string[];
  keyLike?: string;
  category?: string;
  categoryLike?: string;
  version?: number;
  latestVersion?: boolean;
  resourceName?: string;
  resourceNameLike?: string;
  suspended?: boolean;
  active?: boolean;
  versionTag?: string;
  versionTagLike?: string;
  withoutVersionTag?: boolean;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export function processDefinitionSortKeys(engine: EngineApi): SortKeys<ProcessDefinitionRec> {
  return {
    id: (definition) => definition.id,
    key: (definition) => definition.key,
    name: (definition) => definition.name,
    version: (definition) => definition.version,
    category: (definition) => definition.category,
    deploymentId: (definition) => definition.deploymentId,
    deployTime: (definition) => engine.deployment(definition.deploymentId)?.deploymentTime,
    tenantId: (definition) => definition.tenantId,
    versionTag: (definition) => definition.versionTag,
  };
}

/** Whether no definition with the same key and tenant has a higher version. */
export function isLatestVersion(engine: EngineApi, definition: ProcessDefinitionRec): boolean {
  return engine.latestDefinition(definition.key, definition.tenantId)?.id === definition.id;
}

export function matchesProcessDefinition(
  engine: EngineApi,
  definition: ProcessDefinitionRec,
  query: ProcessDefinitionQuery,
): boolean {
  const q = query;
  if (q.processDefinitionId !== undefined && definition.id !== q.processDefinitionId) {
    return false;
  }
  if (q.processDefinitionIdIn && !q.processDefinitionIdIn.includes(definition.id)) {
    return false;
  }
  if (q.name !== undefined && definition.name !== q.name) {
    return false;
  }
  if (q.nameLike !== undefined && !matchesLike(definition.name, q.nameLike)) {
    return false;
  }
  if (q.deploymentId !== undefined && definition.deploymentId !== q.deploymentId) {
    return false;
  }
  if (q.key !== undefined && definition.key !== q.key) {
    return false;
  }
  if (q.keysIn && !q.keysIn.includes(definition.key)) {
    return false;
  }
  if (q.keyLike !== undefined && !matchesLike(definition.key, q.keyLike)) {
    return false;
  }
  if (q.category !== undefined && definition.category !== q.category) {
    return false;
  }
  if (q.categoryLike !== undefined && !matchesLike(definition.category, q.categoryLike)) {
    return false;
  }
  if (q.version !== undefined && definition.version !== q.version) {
    return false;
  }
  if (q.resourceName !== undefined && definition.resourceName !== q.resourceName) {
    return false;
  }
  if (
    q.resourceNameLike !== undefined &&
    !matchesLike(definition.resourceName, q.resourceNameLike)
  ) {
    return false;
  }
  if (q.suspended === true && !definition.suspended) {
    return false;
  }
  if (q.active === true && definition.suspended) {
    return false;
  }
  if (q.versionTag !== undefined && definition.versionTag !== q.versionTag) {
    return false;
  }
  if (q.versionTagLike !== undefined && !matchesLike(definition.versionTag, q.versionTagLike)) {
    return false;
  }
  if (q.withoutVersionTag === true && definition.versionTag !== null) {
    return false;
  }
  if (!matchesTenant(definition.tenantId, q.tenantIdIn, q.withoutTenantId)) {
    return false;
  }
  return q.latestVersion !== true || isLatestVersion(engine, definition);
}

export function findProcessDefinitions(
  engine: EngineApi,
  query: ProcessDefinitionQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): ProcessDefinitionRec[] {
  const matching = [...engine.definitions()].filter((d) =>
    matchesProcessDefinition(engine, d, query),
  );
  return sortAndPage(matching, sortings, processDefinitionSortKeys(engine), paging);
}
