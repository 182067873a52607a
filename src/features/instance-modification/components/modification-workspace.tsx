import '../../../modification/components/modification.scss';

import { Button, InlineNotification } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { requirements } from '../../../api/permissions';
import { refusalReason, usePermission } from '../../../lib/use-permission';
import { modificationQueries } from '../../../modification/api/instance-queries';
import { countTokensByElement } from '../../../modification/model/activity-tree';
import { planAncestorProblems } from '../model/ancestors';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { elementLabel, getBpmnIndex } from '../../../modification/model/bpmn-index';
import { toInstanceDetails } from '../model/instance-details';
import { describeTokenCountChange, findStalePlan, rebasePlan } from '../model/stale-plan';
import { ANNOTATION_REQUIRED } from '../../../modification/modification-settings';
import { useModificationBody } from '../use-modification-body';
import { useModificationPlan } from '../use-modification-plan';
import { usePreview } from '../use-preview';
import { useScrollIntoViewOn } from '../../../modification/use-scroll-into-view-on';
import { BatchProgress } from './batch-progress';
import { ElementActionMenu } from './element-action-menu';
import { ElementPicker } from '../../../modification/components/element-picker';
import { InstructionList } from './instruction-list';
import { ModificationOptions } from './modification-options';
import {
  BatchOperationLogReadback,
  OperationLogReadback,
} from '../../../modification/components/operation-log-readback';
import { PredictedResult } from './predicted-result';
import { ReviewDialog } from './review-dialog';
import type { AppliedModification } from './review-dialog';

/** What the instance page gives the workspace. */
export interface ModificationWorkspaceProps {
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  /** The definition's BPMN XML (`GET /process-definition/{id}/xml`). */
  xml: string;
  /** `GET /process-instance/{id}/activity-instances`, as the page shows it. */
  tree: ActivityInstanceDto;
  /** The element chosen in the diagram or in the workspace's own picker. */
  selectedElementId: string | null;
  onSelectElement: (elementId: string | null) => void;
  /** Defaults to `ANNOTATION_REQUIRED`. */
  annotationRequired?: boolean;
  /** How often a batch created by "Apply as batch" is polled; tests pass a short one. */
  batchPollIntervalMs?: number;
  /** See `ReviewDialogProps.onApplyEnding`. */
  onApplyEnding?: (applying: Promise<void>) => void;
}

/**
 * Building and sending a modification of one process instance: choose an element, pick an
 * action, arrange the instructions, review and apply. Place inside `<ModificationPlanProvider>`,
 * which also feeds the diagram's decorations.
 */
export function ModificationWorkspace(props: ModificationWorkspaceProps) {
  const index = useMemo((): BpmnIndex | Error => {
    try {
      return getBpmnIndex(props.xml, props.processDefinitionKey);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [props.xml, props.processDefinitionKey]);
  if (index instanceof Error) {
    return (
      <InlineNotification
        kind="error"
        role="alert"
        lowContrast
        hideCloseButton
        title="The diagram could not be read"
        subtitle={index.message}
      />
    );
  }
  return <Workspace {...props} index={index} />;
}

function Workspace({
  processInstanceId,
  processDefinitionId,
  processDefinitionKey,
  xml,
  tree,
  selectedElementId,
  onSelectElement,
  annotationRequired = ANNOTATION_REQUIRED,
  batchPollIntervalMs,
  onApplyEnding,
  index,
}: ModificationWorkspaceProps & { index: BpmnIndex }) {
  const { plan, baseTree, dispatch, moveSource, setMoveSource, followedBatch, setFollowedBatch } =
    useModificationPlan();
  const [reviewing, setReviewing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  /** The last apply's outcome, until the operator moves on. */
  const [applied, setApplied] = useState<AppliedModification | null>(null);
  // Shown at the top of the panel, while the operator pressed Apply in a dialog above its bottom.
  const outcomeRef = useScrollIntoViewOn<HTMLDivElement>(applied, { focus: true });

  const starts = useQuery(modificationQueries.startTimes(processInstanceId));
  const variables = useQuery(modificationQueries.variableInstances(processInstanceId));
  const jobs = useQuery(modificationQueries.jobs(processInstanceId));
  const details = useMemo(
    () => toInstanceDetails(starts.data, variables.data, jobs.data),
    [starts.data, variables.data, jobs.data],
  );
  // The body the review dialog will show and send: the compact preview runs on it too.
  const planBody = useModificationBody(plan);
  const preview = usePreview({
    processInstanceId,
    processDefinitionId,
    processDefinitionKey,
    xml,
    tree,
    body: planBody,
  });

  const planTree = baseTree ?? tree;
  const problems = useMemo(
    () => planAncestorProblems(index, planTree, plan.instructions),
    [index, planTree, plan.instructions],
  );
  const drift = useMemo(
    () => (baseTree === null ? null : findStalePlan(plan, baseTree, tree, index)),
    [plan, baseTree, tree, index],
  );
  const tokenCounts = useMemo(() => countTokensByElement(tree), [tree]);

  const handleAnnounce = (message: string) => {
    setApplied(null);
    setAnnouncement(message);
  };
  const handleApplied = (result: AppliedModification) => {
    setReviewing(false);
    setApplied(result);
    setAnnouncement(
      result.kind === 'sync'
        ? ''
        : `Batch ${result.batch.id} was created; it applies the plan in the background.`,
    );
  };

  const applyVerdict = usePermission(
    requirements.modifyInstance(processInstanceId, processDefinitionKey),
  );
  const batchVerdict = usePermission(requirements.createModificationBatch());
  // Planning stays open (a plan can be copied as JSON or curl for someone who may apply it).
  const mayNotApply =
    applyVerdict.state === 'refused' && batchVerdict.state === 'refused'
      ? `${refusalReason(applyVerdict, 'modify this instance') ?? ''} ${
          refusalReason(batchVerdict, 'apply a modification as a batch') ?? ''
        }`
      : null;

  const reviewBlocker =
    plan.instructions.length === 0
      ? 'Add an instruction first.'
      : problems.size > 0
        ? `Instruction ${[...problems.keys()].map((position) => position + 1).join(', ')} needs a choice first.`
        : null;

  return (
    <section className="modification-workspace" aria-labelledby="modification-workspace-heading">
      <h2 id="modification-workspace-heading" className="modification-workspace__heading">
        Modify this instance
      </h2>
      <div ref={outcomeRef} tabIndex={-1} role="group" aria-label="Outcome of the last apply">
        {followedBatch !== null && (
          <BatchProgress
            batch={followedBatch}
            pollIntervalMs={batchPollIntervalMs}
            onDismiss={() => {
              setFollowedBatch(null);
            }}
          />
        )}
        {followedBatch !== null && (
          <BatchOperationLogReadback
            batchId={followedBatch.id}
            batch={followedBatch}
            scope={{ processInstanceId }}
          />
        )}
        {applied?.kind === 'sync' && (
          <InlineNotification
            kind="success"
            role="status"
            lowContrast
            title="The modification was applied"
            subtitle="The instance shows its new state."
            onClose={() => {
              setApplied(null);
            }}
          />
        )}
        {applied?.kind === 'sync' && <OperationLogReadback request={applied.readback} />}
      </div>
      {mayNotApply !== null && (
        <InlineNotification
          kind="warning"
          role="status"
          lowContrast
          hideCloseButton
          title="You can plan here, but not apply"
          subtitle={mayNotApply}
        />
      )}
      <ElementPicker
        index={index}
        selectedElementId={selectedElementId}
        onSelectElement={onSelectElement}
        tokenCounts={tokenCounts}
      />
      {moveSource !== null && (
        <div role="status" className="modification-workspace__buttons">
          <p>
            Moving the tokens of {elementLabel(index, moveSource.activityId)}: choose the target
            element, then “Move here”.
          </p>
          <Button
            kind="ghost"
            size="sm"
            onClick={() => {
              setMoveSource(null);
              handleAnnounce('Move cancelled.');
            }}
          >
            Cancel move
          </Button>
        </div>
      )}
      {selectedElementId !== null && (
        <ElementActionMenu
          key={selectedElementId}
          index={index}
          tree={tree}
          elementId={selectedElementId}
          details={details}
          onAnnounce={handleAnnounce}
        />
      )}
      <p role="status" className="modification-workspace__hint">
        {announcement}
      </p>
      {drift !== null && (
        <div>
          <InlineNotification
            kind="warning"
            role="status"
            lowContrast
            hideCloseButton
            title="The instance changed since the plan was last edited"
            subtitle="The plan may no longer do what it says:"
          />
          <ul aria-label="Changes since the plan was last edited">
            {drift.missing.map((missing) => (
              <li key={`${missing.position}-${missing.id}`}>{missing.message}</li>
            ))}
            {drift.changes.map((change) => (
              <li key={change.activityId}>{describeTokenCountChange(change)}</li>
            ))}
          </ul>
          <Button
            kind="ghost"
            size="sm"
            onClick={() => {
              const { remove, removed } = rebasePlan(drift);
              for (const position of remove) {
                dispatch({ type: 'remove', index: position });
              }
              dispatch({ type: 'rebase', tree });
              if (removed.length > 0) {
                handleAnnounce(
                  `Removed from the plan: ${removed.map((missing) => missing.message).join(' ')}`,
                );
              }
            }}
          >
            {drift.missing.length > 0
              ? 'Remove those instructions and plan against the current state'
              : 'Plan against the current state'}
          </Button>
        </div>
      )}
      <InstructionList
        index={index}
        tree={planTree}
        details={details}
        problems={problems}
        onAnnounce={handleAnnounce}
      />
      {plan.instructions.length > 0 && (
        <PredictedResult state={preview} index={index} tree={tree} compact />
      )}
      <ModificationOptions />
      <div>
        <Button
          kind="primary"
          disabled={reviewBlocker !== null}
          aria-describedby={reviewBlocker === null ? undefined : 'modification-review-blocker'}
          onClick={() => {
            setReviewing(true);
          }}
        >
          Review
        </Button>
        {reviewBlocker !== null && (
          <p id="modification-review-blocker" className="modification-workspace__hint">
            {reviewBlocker}
          </p>
        )}
      </div>
      {reviewing && (
        <ReviewDialog
          processInstanceId={processInstanceId}
          processDefinitionId={processDefinitionId}
          processDefinitionKey={processDefinitionKey}
          xml={xml}
          index={index}
          tree={tree}
          details={details}
          annotationRequired={annotationRequired}
          onClose={() => {
            setReviewing(false);
          }}
          onApplied={handleApplied}
          onApplyEnding={onApplyEnding}
        />
      )}
    </section>
  );
}
