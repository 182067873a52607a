import { SkeletonText } from '@carbon/react';
import { getRouteApi } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';

import type { ProcessInstanceDto } from '../../../contract/camunda/process-instance';
import { mergeMarkers } from '../../bpmn/merge-markers';
import { ErrorNotification } from '../../components/error-notification';
import { ModificationPlanProvider } from '../../features/instance-modification/modification-plan-provider';
import { useModificationDiagramDecorations } from '../../features/instance-modification/use-modification-diagram-decorations';
import { toInstanceMarkers } from '../../features/process-instances/instance-markers';
import { ProcessInstanceDiagram } from '../../features/process-instances/process-instance-diagram';
import { ProcessInstanceEnded } from '../../features/process-instances/process-instance-ended';
import { ProcessInstanceError } from '../../features/process-instances/process-instance-error';
import { ProcessInstanceHeader } from '../../features/process-instances/process-instance-header';
import { ProcessInstanceLayout } from '../../features/process-instances/process-instance-layout';
import { processDefinitionQueries } from '../../api/process-definition-queries';
import { processInstanceQueries } from '../../api/process-instance-queries';
import { toTokenBadgeOverlays } from '../../features/process-instances/token-badges';
import { usePlannedEnding } from '../../features/process-instances/use-planned-ending';
import { useTokenOverlays } from '../../features/process-instances/use-token-overlays';
import { afterNextPaint } from '../../lib/after-next-paint';
import { usePageEscape } from '../../lib/use-page-escape';
import { ProcessInstancePending } from './process-instance-pending';

// The diagram is what an operator looks at first: the right column's code (forms, dialogs, tables)
// loads as its own chunk, and renders once the diagram is on the screen, so that the diagram's
// path to the screen waits for neither.
const ProcessInstanceAside = lazy(() =>
  import('./process-instance-aside').then((module) => ({ default: module.ProcessInstanceAside })),
);

const ASIDE_PLACEHOLDER = <SkeletonText paragraph lineCount={8} />;

// The page shows it itself only for an instance that has ended or cannot be read; a running one
// shows it in the right column.
const InstanceOperationLog = lazy(() =>
  import('../../features/operation-log/instance-operation-log').then((module) => ({
    default: module.InstanceOperationLog,
  })),
);

const processInstanceRouteApi = getRouteApi('/authenticated/process-instances/$processInstanceId');

export function ProcessInstancePage() {
  const { processInstanceId } = processInstanceRouteApi.useParams();
  // Keyed: another instance starts with a fresh selection.
  return <ProcessInstanceView key={processInstanceId} processInstanceId={processInstanceId} />;
}

/** The instance page: where its tokens are, and the plan that repairs them. */
function ProcessInstanceView({ processInstanceId }: { processInstanceId: string }) {
  const instance = useQuery(processInstanceQueries.detail(processInstanceId));
  const { ending, follow } = usePlannedEnding(processInstanceId);
  const operationLog = (
    <section aria-label="Operation log of this instance">
      <h2 className="app-section__title">Operation log</h2>
      <Suspense fallback={<SkeletonText paragraph lineCount={3} />}>
        <InstanceOperationLog processInstanceId={processInstanceId} />
      </Suspense>
    </section>
  );

  if (ending === 'ended') {
    return (
      <div className="app-page">
        <h1 className="app-page__title">Process instance {processInstanceId}</h1>
        <ProcessInstanceEnded processInstanceId={processInstanceId} />
        {operationLog}
      </div>
    );
  }
  // While a plan that ends the instance is applied, its 404 is no error (yet).
  if (instance.isPending || (instance.error !== null && ending === 'applying')) {
    return <ProcessInstancePending />;
  }
  if (instance.error !== null) {
    return (
      <div className="app-page">
        <h1 className="app-page__title">Process instance {processInstanceId}</h1>
        <ProcessInstanceError
          processInstanceId={processInstanceId}
          error={instance.error}
          historySection={operationLog}
        />
      </div>
    );
  }
  return (
    <ModificationPlanProvider processInstanceId={processInstanceId}>
      <RepairableInstance instance={instance.data} onApplyEnding={follow} />
    </ModificationPlanProvider>
  );
}

/** Waits for what the page's header and diagram need: the definition and its XML. */
function RepairableInstance({
  instance,
  onApplyEnding,
}: {
  instance: ProcessInstanceDto;
  onApplyEnding: (applying: Promise<void>) => void;
}) {
  const definition = useQuery(processDefinitionQueries.detail(instance.definitionId));
  const xml = useQuery(processDefinitionQueries.bpmn20Xml(instance.definitionId));
  // Without them there is no diagram to show and nothing to plan against: a user may read the
  // instance and still be refused its definition (Camunda checks READ on the definition too).
  const definitionError = definition.data === undefined ? definition.error : null;
  const xmlError = xml.data === undefined ? xml.error : null;
  if (definitionError !== null || xmlError !== null) {
    return (
      <div className="app-page">
        <h1 className="app-page__title">Process instance {instance.id}</h1>
        <ErrorNotification
          title={
            definitionError === null
              ? 'The BPMN diagram of this instance could not be read'
              : 'The process definition of this instance could not be read'
          }
          error={definitionError ?? xmlError}
        />
      </div>
    );
  }
  if (definition.data === undefined || xml.data === undefined) {
    return <ProcessInstancePending />;
  }
  return (
    <InstanceWorkspace
      instance={instance}
      processDefinitionKey={definition.data.key}
      xml={xml.data}
      onApplyEnding={onApplyEnding}
    />
  );
}

interface InstanceWorkspaceProps {
  instance: ProcessInstanceDto;
  processDefinitionKey: string;
  xml: string;
  /** An apply predicted to end the instance, which the page follows (`usePlannedEnding`). */
  onApplyEnding: (applying: Promise<void>) => void;
}

function InstanceWorkspace({
  instance,
  processDefinitionKey,
  xml,
  onApplyEnding,
}: InstanceWorkspaceProps) {
  const [selectedActivityId, setSelectedActivityId] = useState<string | null>(null);
  // Until the tree is there and the diagram has been painted, the right column waits.
  const treeQuery = useQuery(processInstanceQueries.activityInstances(instance.id));
  const tree = treeQuery.data;
  const [isDiagramShown, setDiagramShown] = useState(false);
  const handleDiagramSettled = useCallback(() => {
    afterNextPaint(() => {
      setDiagramShown(true);
    });
  }, []);

  // Everything the diagram shows is computed here, in one place: the tokens and the pending plan.
  const tokens = useTokenOverlays(instance.id);
  const tokenOverlays = tokens.overlays;
  const decorations = useModificationDiagramDecorations({
    xml,
    processDefinitionId: instance.definitionId,
    processDefinitionKey,
    tree,
  });
  const overlays = useMemo(
    () => [...toTokenBadgeOverlays(tokenOverlays), ...decorations.overlays],
    [tokenOverlays, decorations.overlays],
  );
  const markers = useMemo(
    () => mergeMarkers(toInstanceMarkers(tokenOverlays, selectedActivityId), decorations.markers),
    [tokenOverlays, selectedActivityId, decorations.markers],
  );
  // A second click on the selected element keeps it (and its actions): operators click again to
  // make sure, not to deselect. Escape deselects.
  usePageEscape(() => {
    setSelectedActivityId(null);
  }, selectedActivityId !== null);

  return (
    <div className="app-page">
      <ProcessInstanceLayout
        header={<ProcessInstanceHeader instance={instance} />}
        diagram={
          <ProcessInstanceDiagram
            processDefinitionId={instance.definitionId}
            tokensPending={tokens.isPending}
            markers={markers}
            overlays={overlays}
            onElementClick={setSelectedActivityId}
            onSettled={handleDiagramSettled}
          />
        }
        aside={
          <Suspense fallback={ASIDE_PLACEHOLDER}>
            {tree === undefined || !isDiagramShown ? (
              treeQuery.isError ? (
                <ErrorNotification
                  title="The activity instance tree could not be read"
                  error={treeQuery.error}
                />
              ) : (
                ASIDE_PLACEHOLDER
              )
            ) : (
              <ProcessInstanceAside
                processInstanceId={instance.id}
                processDefinitionId={instance.definitionId}
                processDefinitionKey={processDefinitionKey}
                xml={xml}
                tree={tree}
                selectedActivityId={selectedActivityId}
                onSelectActivity={setSelectedActivityId}
                onApplyEnding={onApplyEnding}
              />
            )}
          </Suspense>
        }
      />
    </div>
  );
}
