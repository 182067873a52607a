import { Button, InlineNotification, SkeletonPlaceholder } from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';

import type { BatchDto } from '../../../../contract/camunda/batch';
import { BpmnDiagram, preloadBpmnDiagram } from '../../../bpmn/bpmn-diagram';
import { ErrorNotification } from '../../../components/error-notification';
import { recordBatch } from '../../../lib/bulk-batch-records';
import { usePageEscape } from '../../../lib/use-page-escape';
import type { ProcessInstanceFilters } from '../../../lib/process-instance-query';
import { bulkSelectionFormSchema } from '../api/bulk-mutations';
import type { BulkSelectionFormValues } from '../api/bulk-mutations';
import { bulkModificationQueries } from '../api/bulk-queries';
import { getBpmnIndex } from '../../../modification/model/bpmn-index';
import { bulkPlanReducer, initialBulkPlanState } from '../model/bulk-plan';
import { loadBulkPlan, saveBulkPlan } from '../model/bulk-plan-storage';
import { queryOptionsProblem, toCountRequest, toSelectedInstances } from '../model/bulk-selection';
import type { BulkSelection } from '../model/bulk-selection';
import type { ModifiedCount } from '../model/reviewed-selection';
import { BulkActionMenu } from './bulk-action-menu';
import { bulkDiagramDecorations } from './bulk-diagram-decorations';
import { BulkInstanceSelection, describeFilters } from './bulk-instance-selection';
import { BulkInstructionList } from './bulk-instruction-list';
import { BulkOverlapWarning } from './bulk-overlap-warning';
import { BulkReviewDialog } from './bulk-review-dialog';
import type { ExecutedModification } from './bulk-review-dialog';
import { ElementPicker } from '../../../modification/components/element-picker';
import { OperationLogReadback } from '../../../modification/components/operation-log-readback';
import type { OperationLogReadbackRequest } from '../../../modification/use-annotation-recording';

import './bulk-modification.scss';
import '../../../modification/components/modification.scss';
import { processDefinitionQueries } from '../../../api/process-definition-queries';

export interface BulkModificationProps {
  processDefinitionId: string;
  /** The instance list's filters: the query selection carries them. */
  filters: ProcessInstanceFilters;
  /** Ids ticked in the instance list. */
  tickedIds: readonly string[];
  /** `POST /modification/execute` succeeded: the page refreshes what it lists. */
  onExecuted: () => void;
  /** `POST /modification/executeAsync` created this batch. */
  onBatchCreated: (batch: BatchDto) => void;
}

/**
 * Modifying many instances of one definition: the plan is built on the definition's diagram, the
 * instances are the ticked rows or a query, and the request goes to `/modification/execute` or
 * `/modification/executeAsync` (Camunda's `ModificationRestService`).
 */
export function BulkModification(props: BulkModificationProps) {
  const xml = useQuery(processDefinitionQueries.bpmn20Xml(props.processDefinitionId));
  useEffect(() => {
    preloadBpmnDiagram();
  }, []);
  if (xml.isPending) {
    return <SkeletonPlaceholder className="bulk-modification__skeleton" />;
  }
  if (xml.error !== null) {
    return <ErrorNotification title="The diagram could not be loaded" error={xml.error} />;
  }
  return <BulkModificationWorkspace {...props} xml={xml.data} />;
}

function BulkModificationWorkspace({
  processDefinitionId,
  filters,
  tickedIds,
  onExecuted,
  onBatchCreated,
  xml,
}: BulkModificationProps & { xml: string }) {
  const index = getBpmnIndex(xml);
  const [state, dispatch] = useReducer(bulkPlanReducer, processDefinitionId, (id) =>
    initialBulkPlanState(loadBulkPlan(id) ?? undefined),
  );
  const [selectedElementId, setSelectedElementId] = useState<string | null>(null);
  const [moveSourceId, setMoveSourceId] = useState<string | null>(null);
  // As on the instance page: clicking the selected element again keeps it, Escape deselects.
  usePageEscape(() => {
    setSelectedElementId(null);
  }, selectedElementId !== null);
  const [announcement, setAnnouncement] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [modified, setModified] = useState<ModifiedCount | null>(null);
  const [readback, setReadback] = useState<OperationLogReadbackRequest | null>(null);

  useEffect(() => {
    saveBulkPlan(processDefinitionId, state.plan);
  }, [processDefinitionId, state.plan]);

  const form = useForm<BulkSelectionFormValues>({
    resolver: zodResolver(bulkSelectionFormSchema),
    mode: 'onChange',
    defaultValues: {
      mode: tickedIds.length > 0 ? 'ids' : 'query',
      source: 'runtime',
      startedAfter: '',
      startedBefore: '',
    },
  });
  const values = useWatch({ control: form.control }) as BulkSelectionFormValues;
  const formValid = bulkSelectionFormSchema.safeParse(values).success;

  const selection: BulkSelection =
    values.mode === 'ids'
      ? { kind: 'ids', processInstanceIds: [...tickedIds] }
      : {
          kind: 'query',
          filters,
          options: {
            source: values.source,
            startedAfter: values.startedAfter,
            startedBefore: values.startedBefore,
          },
        };
  const problem = selection.kind === 'query' ? queryOptionsProblem(selection.options) : null;
  // The one object both the count and the request use.
  const instances = toSelectedInstances(processDefinitionId, selection);
  const selectable =
    formValid && problem === null && (selection.kind === 'query' || tickedIds.length > 0);
  const count = useQuery({
    ...bulkModificationQueries.count(toCountRequest(instances)),
    enabled: selectable,
  });
  const overlap = useQuery({
    ...bulkModificationQueries.overlap(processDefinitionId, instances),
    enabled: selectable && count.data !== undefined && count.data > 0,
  });

  const decorations = useMemo(
    () => bulkDiagramDecorations(state.plan, selectedElementId, moveSourceId),
    [state.plan, selectedElementId, moveSourceId],
  );
  const selectionDescription =
    selection.kind === 'ids'
      ? `the ${String(tickedIds.length)} ticked ${tickedIds.length === 1 ? 'row' : 'rows'}`
      : `${selection.options.source === 'runtime' ? 'a runtime' : 'a history (unfinished)'} query for ${describeFilters(filters)}`;
  const canReview =
    state.plan.instructions.length > 0 && selectable && count.data !== undefined && count.data > 0;

  const handleExecuted = (executed: ExecutedModification) => {
    setReviewing(false);
    dispatch({ type: 'clear' });
    setMoveSourceId(null);
    if (executed.kind === 'sync') {
      setModified(executed.modified);
      setReadback(executed.readback);
      onExecuted();
      return;
    }
    recordBatch({
      batchId: executed.batch.id,
      processDefinitionId,
      createdAt: new Date().toISOString(),
      instances: executed.instances,
    });
    onBatchCreated(executed.batch);
  };

  return (
    <section className="bulk-modification" aria-labelledby="bulk-modification-heading">
      <h2 id="bulk-modification-heading" className="modification-workspace__heading">
        Modify many instances
      </h2>
      <div className="bulk-modification__columns">
        <div className="bulk-modification__diagram">
          <BpmnDiagram
            xml={xml}
            markers={decorations.markers}
            overlays={decorations.overlays}
            onElementClick={setSelectedElementId}
            ariaLabel="Process diagram for the modification"
          />
        </div>
        <div className="bulk-modification__aside modification-workspace">
          <ElementPicker
            index={index}
            selectedElementId={selectedElementId}
            onSelectElement={setSelectedElementId}
          />
          {selectedElementId !== null && (
            <BulkActionMenu
              index={index}
              elementId={selectedElementId}
              moveSourceId={moveSourceId}
              onAdd={(instructions) => {
                setModified(null);
                dispatch({ type: 'add', instructions });
              }}
              onMoveSourceChange={setMoveSourceId}
              onAnnounce={setAnnouncement}
            />
          )}
          <BulkInstructionList
            index={index}
            state={state}
            dispatch={dispatch}
            onAnnounce={setAnnouncement}
          />
        </div>
      </div>
      <p className="cds--visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <BulkInstanceSelection
        form={form}
        values={values}
        tickedCount={tickedIds.length}
        filters={filters}
      />
      {problem !== null && <p className="modification-workspace__error">{problem}</p>}
      {selectable && (
        <SelectionCount
          ticked={selection.kind === 'ids'}
          isPending={count.isPending}
          error={count.error}
          count={count.data}
          description={selectionDescription}
        />
      )}
      {selectable && count.data !== undefined && count.data > 0 && (
        <BulkOverlapWarning
          report={overlap.data}
          error={overlap.error}
          isPending={overlap.isPending}
        />
      )}
      {modified !== null && (
        <InlineNotification
          kind="success"
          lowContrast
          title="Modification applied"
          subtitle={describeModified(modified)}
          onClose={() => {
            setModified(null);
          }}
        />
      )}
      {modified !== null && readback !== null && <OperationLogReadback request={readback} />}
      <div className="modification-workspace__buttons">
        <Button
          kind="primary"
          disabled={!canReview}
          onClick={() => {
            setReviewing(true);
          }}
        >
          Review the modification…
        </Button>
      </div>
      {reviewing && count.data !== undefined && (
        <BulkReviewDialog
          processDefinitionId={processDefinitionId}
          index={index}
          plan={state.plan}
          instances={instances}
          selectionDescription={selectionDescription}
          onClose={() => {
            setReviewing(false);
          }}
          onExecuted={handleExecuted}
        />
      )}
    </section>
  );
}

interface SelectionCountProps {
  /** The ticked rows rather than a query. */
  ticked: boolean;
  isPending: boolean;
  error: unknown;
  count: number | undefined;
  description: string;
}

/** How many instances the selection holds now, as the engine counts the same query. */
function SelectionCount({ ticked, isPending, error, count, description }: SelectionCountProps) {
  if (error !== null) {
    return <ErrorNotification title="The instances could not be counted" error={error} />;
  }
  return (
    <p
      className="bulk-modification__count"
      role="status"
      aria-label="Instances the request touches"
    >
      {isPending || count === undefined
        ? 'Counting the instances…'
        : ticked
          ? `${String(count)} ticked ${count === 1 ? 'instance' : 'instances'}: the request names ${count === 1 ? 'it' : 'them'} by id.`
          : `${String(count)} ${count === 1 ? 'instance matches' : 'instances match'} now (${description}). The review reads them again before anything is sent.`}
    </p>
  );
}

/** The number of instances changed, said only as the engine gave it. */
export function describeModified(modified: ModifiedCount): string {
  if (modified.kind === 'unknown') {
    return `The instances the query selected were modified. How many is not known: ${modified.reason}.`;
  }
  const { count } = modified;
  const changed = `${String(count)} ${count === 1 ? 'instance was' : 'instances were'} modified`;
  return modified.source === 'ids'
    ? `${changed}: the ${count === 1 ? 'one' : String(count)} the request named by id.`
    : `${changed}, as the engine counted them in its operation log (nrOfInstances).`;
}
