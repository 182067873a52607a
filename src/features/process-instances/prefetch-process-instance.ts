import type { QueryClient } from '@tanstack/react-query';

import { processDefinitionQueries } from '../../api/process-definition-queries';
import { processInstanceQueries } from '../../api/process-instance-queries';

/**
 * Starts the requests the instance page waits for, as the route matches and while the page's own
 * code still loads: the instance first, then, as soon as it names its definition, the definition
 * and its XML, which the diagram's import waits for, and only then the activity instance tree and
 * incidents, which its token badges need once the import is done. An engine that answers one
 * request at a time (the embedded one) would otherwise build the tree of a large instance before
 * it sends the XML. An instance that is gone needs neither. The page's queries then find them in
 * flight or done; a failure is theirs to show, so it is dropped here.
 */
export function prefetchProcessInstance(queryClient: QueryClient, processInstanceId: string): void {
  void queryClient
    .query(processInstanceQueries.detail(processInstanceId))
    .then(({ definitionId }) => {
      prefetchDefinitionOfInstances(queryClient, definitionId);
      void queryClient
        .query(processInstanceQueries.activityInstances(processInstanceId))
        .catch(ignoreError);
      void queryClient
        .query(processInstanceQueries.incidents(processInstanceId))
        .catch(ignoreError);
    })
    .catch(ignoreError);
}

function ignoreError(): void {
  // The page's own query reports it.
}

/**
 * Starts the requests every instance page of one definition shares: its name, key and XML. The
 * instance list of a definition calls it too, so that opening one of its instances waits only for
 * the instance's own data. Prefetching keeps failures quiet: the page's own query reports them.
 */
export function prefetchDefinitionOfInstances(
  queryClient: QueryClient,
  processDefinitionId: string,
): void {
  void queryClient.query(processDefinitionQueries.detail(processDefinitionId)).catch(ignoreError);
  void queryClient
    .query(processDefinitionQueries.bpmn20Xml(processDefinitionId))
    .catch(ignoreError);
}
