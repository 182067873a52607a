import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import { ModificationWorkspace } from '../../features/instance-modification/components/modification-workspace';
import { InstanceOperationLog } from '../../features/operation-log/instance-operation-log';
import { ActivityInstanceTreeView } from '../../features/process-instances/activity-instance-tree-view';
import { ProcessInstanceTabs } from '../../features/process-instances/process-instance-tabs';

export interface ProcessInstanceAsideProps {
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  xml: string;
  tree: ActivityInstanceDto;
  selectedActivityId: string | null;
  onSelectActivity: (activityId: string | null) => void;
  onApplyEnding: (applying: Promise<void>) => void;
}

/**
 * The instance page's right column: the repair workspace, the activity instance tree, variables,
 * incidents and the operation log. A chunk of its own (forms, zod, dialogs, tables), which the page
 * loads beside the diagram rather than before it.
 */
export function ProcessInstanceAside({
  processInstanceId,
  processDefinitionId,
  processDefinitionKey,
  xml,
  tree,
  selectedActivityId,
  onSelectActivity,
  onApplyEnding,
}: ProcessInstanceAsideProps) {
  return (
    <>
      <ModificationWorkspace
        processInstanceId={processInstanceId}
        processDefinitionId={processDefinitionId}
        processDefinitionKey={processDefinitionKey}
        xml={xml}
        tree={tree}
        selectedElementId={selectedActivityId}
        onSelectElement={onSelectActivity}
        onApplyEnding={onApplyEnding}
      />
      <ActivityInstanceTreeView
        processInstanceId={processInstanceId}
        selectedActivityId={selectedActivityId}
        onSelectActivity={onSelectActivity}
      />
      <ProcessInstanceTabs processInstanceId={processInstanceId} />
      <section aria-label="Operation log of this instance">
        <h2 className="app-section__title">Operation log</h2>
        <InstanceOperationLog processInstanceId={processInstanceId} />
      </section>
    </>
  );
}
