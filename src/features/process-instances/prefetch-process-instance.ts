import type { QueryClient, QueryExecuteOptions, QueryKey } from '@tanstack/react-query';

import { processDefinitionQueries } from '../../api/process-definition-queries';
import { processInstanceQueries } from '../../api/process-instance-queries';
import { prepareDiagramImport } from '../../bpmn/diagram-adapter';

/**
 * Loads what the instance page's first screen shows, as the route matches and while the page's
 * own code still loads: the instance, its activity instance tree and its incidents at once (all
 * three need only the instance's id), then, as soon as the instance names its definition, the
 * definition and its XML. Resolves once each of them is in the cache or has failed (a failure is
 * the page's own query's to show), so that the router renders the page once, with the diagram and
 * its tokens, instead of a skeleton, a diagram, then its tokens: each of those a round of style,
 * layout and paint of the whole page. What is cached already, even stale, is not waited for; it
 * is refreshed while the page shows it.
 */
export function prefetchProcessInstance(
  queryClient: QueryClient,
  processInstanceId: string,
): Promise<void> {
  const instance = load(queryClient, processInstanceQueries.detail(processInstanceId)).then(
    (detail) =>
      detail === undefined
        ? undefined
        : prefetchDefinitionOfInstances(queryClient, detail.definitionId),
  );
  return settled([
    instance,
    load(queryClient, processInstanceQueries.activityInstances(processInstanceId)),
    load(queryClient, processInstanceQueries.incidents(processInstanceId)),
  ]);
}

/**
 * Loads what every instance page of one definition shares: its name, key and XML. The instance
 * list of a definition calls it too, so that opening one of its instances waits only for the
 * instance's own data. Failures are dropped: the page's own query reports them.
 */
export function prefetchDefinitionOfInstances(
  queryClient: QueryClient,
  processDefinitionId: string,
): Promise<void> {
  return settled([
    load(queryClient, processDefinitionQueries.detail(processDefinitionId)),
    load(queryClient, processDefinitionQueries.bpmn20Xml(processDefinitionId)),
  ]);
}

/**
 * What a definition's instance list loads for the instance about to be opened: what all its
 * instances share (`prefetchDefinitionOfInstances`), and the XML read into bpmn-js' model while the
 * browser is idle, so that the instance page's import only draws.
 */
export async function prefetchDefinitionDiagram(
  queryClient: QueryClient,
  processDefinitionId: string,
): Promise<void> {
  await prefetchDefinitionOfInstances(queryClient, processDefinitionId);
  const diagram = queryClient.getQueryData(
    processDefinitionQueries.xml(processDefinitionId).queryKey,
  );
  if (diagram !== undefined) {
    prepareDiagramImport(diagram.bpmn20Xml);
  }
}

/**
 * Starts the query's request unless its data is fresh; resolves with the cached data at once if
 * there is any, else with the answer, or with `undefined` if the request fails.
 */
function load<TQueryFnData, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: QueryExecuteOptions<TQueryFnData, Error, TData, TQueryFnData, TQueryKey>,
): Promise<TData | undefined> {
  const isCached = queryClient.getQueryData(options.queryKey) !== undefined;
  const request = queryClient.query(options).catch(() => undefined);
  // 'static': the cached data as it is, without a request of its own.
  return isCached ? queryClient.query({ ...options, staleTime: 'static' }) : request;
}

async function settled(loads: readonly Promise<unknown>[]): Promise<void> {
  await Promise.all(loads);
}
