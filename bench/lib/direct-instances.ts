import type { ProcessEngine } from '../../engine/process-engine';

/**
 * Starts `count` instances of the latest `processKey` in the engine directly, business keys
 * `<prefix>-000001` on: their creation is not what the benchmarks measure. Returns the
 * definition's id.
 */
export function startInstancesDirectly(
  engine: ProcessEngine,
  processKey: string,
  count: number,
  businessKeyPrefix: string,
): string {
  const definition = engine.latestDefinition(processKey);
  if (!definition) {
    throw new Error(`${processKey} was not deployed`);
  }
  for (let index = 0; index < count; index++) {
    engine.startProcessInstance(definition.id, {
      businessKey: `${businessKeyPrefix}-${String(index + 1).padStart(6, '0')}`,
    });
  }
  return definition.id;
}
