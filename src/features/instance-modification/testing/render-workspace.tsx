import { useQuery } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';

import type { JobDto } from '../../../../contract/camunda/job';
import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import type { VariableInstanceDto } from '../../../../contract/camunda/variables';
import { engineCapabilityHandlers } from '../../../testing/engine-capability-handlers';
import type { EngineCapabilityFixture } from '../../../testing/engine-capability-handlers';
import { processInstanceQueries } from '../../../api/process-instance-queries';
import { ENGINE_REST_URL, server } from '../../../testing/msw-server';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { ModificationWorkspace } from '../components/modification-workspace';
import type { ModificationWorkspaceProps } from '../components/modification-workspace';
import { ModificationPlanProvider } from '../modification-plan-provider';
import {
  ORDER_XML,
  PROCESS_DEFINITION_ID,
  PROCESS_DEFINITION_KEY,
  PROCESS_INSTANCE_ID,
  runningOrderTree,
} from '../../../modification/testing/modification-fixtures';

/** The instance page's part, as it will host the workspace: selection state and the provider. */
function WorkspaceHarness({
  tree,
  initialSelection,
  ...overrides
}: {
  tree: ActivityInstanceDto;
  initialSelection: string | null;
} & Partial<ModificationWorkspaceProps>) {
  const [selected, setSelected] = useState(initialSelection);
  return (
    <ModificationPlanProvider processInstanceId={PROCESS_INSTANCE_ID}>
      <ModificationWorkspace
        processInstanceId={PROCESS_INSTANCE_ID}
        processDefinitionId={PROCESS_DEFINITION_ID}
        processDefinitionKey={PROCESS_DEFINITION_KEY}
        xml={ORDER_XML}
        tree={tree}
        selectedElementId={selected}
        onSelectElement={setSelected}
        batchPollIntervalMs={20}
        {...overrides}
      />
    </ModificationPlanProvider>
  );
}

export interface RenderWorkspaceOptions extends Partial<ModificationWorkspaceProps> {
  tree?: ActivityInstanceDto;
  /** What `GET /process-instance/{id}/activity-instances` answers (the stale check). */
  currentTree?: ActivityInstanceDto;
  variables?: VariableInstanceDto[];
  /** What `GET /job?processInstanceId=` answers. */
  jobs?: Pick<JobDto, 'executionId' | 'createTime'>[];
  initialSelection?: string | null;
  /**
   * The workspace gets its tree as the instance page does, read from the engine under the
   * instance prefix: refreshing the instance shows what the engine answers now (`setEngineTree`).
   */
  livePageTree?: boolean;
  /** What the engine tells about authentication, history and its operation log. */
  capabilities?: EngineCapabilityFixture;
}

/** Renders the workspace with MSW answering the reads it makes; mutations are up to each test. */
export function renderWorkspace({
  tree = runningOrderTree(),
  currentTree = tree,
  variables = [],
  jobs = [],
  initialSelection = null,
  livePageTree = false,
  capabilities,
  ...overrides
}: RenderWorkspaceOptions = {}) {
  let engineTree = currentTree;
  server.use(
    ...engineCapabilityHandlers(capabilities),
    http.get(`${ENGINE_REST_URL}/variable-instance`, () => HttpResponse.json(variables)),
    // Only the instance's jobs: a test's own `/job` handler answers the other reads (a batch's).
    http.get(`${ENGINE_REST_URL}/job`, ({ request }) =>
      new URL(request.url).searchParams.has('processInstanceId')
        ? HttpResponse.json(jobs)
        : undefined,
    ),
    http.get(`${ENGINE_REST_URL}/history/activity-instance`, () =>
      HttpResponse.json([
        { id: 'sub:1', activityId: 'sub', startTime: '2024-05-01T10:00:00.000+0000' },
        { id: 'ship:1', activityId: 'ship', startTime: '2024-05-01T10:05:00.000+0000' },
      ]),
    ),
    http.get(`${ENGINE_REST_URL}/process-instance/${PROCESS_INSTANCE_ID}/activity-instances`, () =>
      HttpResponse.json(engineTree),
    ),
  );
  const view = renderWithProviders(
    livePageTree ? (
      <LivePageHarness initialSelection={initialSelection} {...overrides} />
    ) : (
      <WorkspaceHarness tree={tree} initialSelection={initialSelection} {...overrides} />
    ),
  );
  return {
    ...view,
    /** Someone else changes the instance: the engine answers `next` from now on. */
    setEngineTree: (next: ActivityInstanceDto) => {
      engineTree = next;
    },
  };
}

/** The instance page's own read of the tree, which a refresh of the instance's reads repeats. */
function LivePageHarness(
  props: { initialSelection: string | null } & Partial<ModificationWorkspaceProps>,
) {
  const { data } = useQuery(processInstanceQueries.activityInstances(PROCESS_INSTANCE_ID));
  return data === undefined ? null : <WorkspaceHarness tree={data} {...props} />;
}
