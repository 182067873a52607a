import type { ProcessDefinitionStatisticsResultDto } from '../../../contract/camunda/repository';

/** One table row: a process (definition key and tenant) across all of its deployed versions. */
export interface ProcessDefinitionRow {
  /** The id of the latest version. */
  id: string;
  name: string;
  key: string;
  tenantId: string | null;
  latestVersion: number;
  runningInstances: number;
  incidents: number;
}

/**
 * Groups the per-version statistics by key and tenant, as Cockpit's dashboard does: an operator
 * repairs a process, whatever version its stuck instances run on. Sorted by name, then key.
 */
export function toProcessDefinitionRows(
  statistics: readonly ProcessDefinitionStatisticsResultDto[],
): ProcessDefinitionRow[] {
  const rows = new Map<string, ProcessDefinitionRow>();
  for (const { definition, instances, incidents } of statistics) {
    const groupKey = JSON.stringify([definition.key, definition.tenantId]);
    const incidentCount = incidents.reduce((sum, { incidentCount }) => sum + incidentCount, 0);
    const row = rows.get(groupKey);
    if (row === undefined) {
      rows.set(groupKey, {
        id: definition.id,
        name: definition.name ?? definition.key,
        key: definition.key,
        tenantId: definition.tenantId,
        latestVersion: definition.version,
        runningInstances: instances,
        incidents: incidentCount,
      });
      continue;
    }
    row.runningInstances += instances;
    row.incidents += incidentCount;
    if (definition.version > row.latestVersion) {
      row.id = definition.id;
      row.name = definition.name ?? definition.key;
      row.latestVersion = definition.version;
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
      a.key.localeCompare(b.key) ||
      (a.tenantId ?? '').localeCompare(b.tenantId ?? ''),
  );
}
