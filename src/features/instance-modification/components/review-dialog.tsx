import {
  Button,
  ComposedModal,
  InlineNotification,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
} from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';

import type { BatchDto } from '../../../../contract/camunda/batch';
import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { isEngineError } from '../../../api/engine-error';
import { requirements } from '../../../api/permissions';
import { ErrorNotification } from '../../../components/error-notification';
import { refusalReason, usePermission } from '../../../lib/use-permission';
import { useApplyModification, useApplyModificationAsync } from '../api/modification-mutations';
import { createReviewFormSchema } from '../../../modification/review-form-schema';
import type { ReviewFormValues } from '../../../modification/review-form-schema';
import { checkPlanIsCurrent } from '../api/stale-check';
import type { StaleCheckResult } from '../api/stale-check';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { elementLabel, getSequenceFlow } from '../../../modification/model/bpmn-index';
import { describeInstruction } from '../../../modification/model/describe-instruction';
import type { InstanceDetails } from '../model/instance-details';
import { hasInstructionVariables } from '../model/modification-plan';
import { multiInstanceStarts } from '../model/multi-instance-starts';
import { badgesPerInstruction, describeBadges, pendingBadges } from '../model/pending-badges';
import { describeTokenCountChange, rebasePlan } from '../model/stale-plan';
import type { MissingReference } from '../model/stale-plan';
import { discardStoredPlan } from '../model/instance-plan-storage';
import { rememberSentAnnotation } from '../../../modification/model/sent-annotations';
import { useSendModification } from '../../../modification/use-send-modification';
import type { SendMode } from '../../../modification/use-send-modification';
import { ANNOTATION_REQUIRED } from '../../../modification/modification-settings';
import { useAnnotationRecording } from '../../../modification/use-annotation-recording';
import type { OperationLogReadbackRequest } from '../../../modification/use-annotation-recording';
import { useModificationPlan } from '../use-modification-plan';
import { useModificationBody } from '../use-modification-body';
import { usePreview } from '../use-preview';
import { useScrollIntoViewOn } from '../../../modification/use-scroll-into-view-on';
import { AnnotationRecordingNotice } from '../../../modification/components/annotation-recording-notice';
import { PermissionRefusals } from '../../../modification/components/permission-refusals';
import { PredictedResult } from './predicted-result';
import { ReviewRequest } from '../../../modification/components/review-request';
import { processInstanceKeys } from '../../../api/query-keys';

export type AppliedModification =
  { kind: 'sync'; readback: OperationLogReadbackRequest } | { kind: 'async'; batch: BatchDto };

export interface ReviewDialogProps {
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  /** The definition's BPMN XML, for the preview. */
  xml: string;
  index: BpmnIndex;
  /** The instance as the page shows it now: the preview runs on it. */
  tree: ActivityInstanceDto;
  details: InstanceDetails;
  annotationRequired?: boolean;
  onClose: () => void;
  onApplied: (applied: AppliedModification) => void;
  /**
   * Applying a plan the preview says ends the instance: the page follows the request, since
   * the instance's end unmounts this dialog and the workspace before they hear of its success.
   */
  onApplyEnding?: (applying: Promise<void>) => void;
}

export const BATCH_DROPS_VARIABLES_REASON =
  'Camunda drops instruction variables in batches: apply directly, or remove the variables.';

/**
 * The last look before sending: the instructions in words with the tokens each one adds or
 * removes, the engine's prediction, the annotation, and the exact request. Sending re-reads the
 * instance first and stops if it changed; a refused request keeps the plan and the dialog.
 */
export function ReviewDialog({
  processInstanceId,
  processDefinitionId,
  processDefinitionKey,
  xml,
  index,
  tree,
  details,
  annotationRequired = ANNOTATION_REQUIRED,
  onClose,
  onApplied,
  onApplyEnding,
}: ReviewDialogProps) {
  const queryClient = useQueryClient();
  const { plan, baseTree, dispatch, completePlan, setFollowedBatch } = useModificationPlan();
  const apply = useApplyModification(processInstanceId);
  const applyAsync = useApplyModificationAsync(processInstanceId);
  const sender = useSendModification({ sync: apply, async: applyAsync });
  const [stale, setStale] = useState<StaleCheckResult | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [rebasing, setRebasing] = useState(false);
  /** After "Plan against the current state": the instructions it removed, and why. */
  const [rebased, setRebased] = useState<MissingReference[] | null>(null);

  const schema = useMemo(() => createReviewFormSchema(annotationRequired), [annotationRequired]);
  const {
    control,
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ReviewFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { annotation: plan.annotation },
  });
  const annotation = useWatch({ control, name: 'annotation' });
  const recording = useAnnotationRecording({
    scope: { processInstanceId },
    annotation,
    annotationRequired,
  });

  const planTree = baseTree ?? tree;
  // One body: shown below, previewed, and sent.
  const body = useModificationBody(plan, annotation);
  const preview = usePreview({
    processInstanceId,
    processDefinitionId,
    processDefinitionKey,
    xml,
    tree,
    body,
  });
  const busy = sender.isPending || rebasing;
  const variablesDropped = hasInstructionVariables(plan);
  const cancelsInstance =
    preview.preview?.ok === true &&
    preview.preview.ended &&
    preview.preview.state === 'EXTERNALLY_TERMINATED';
  const updateVerdict = usePermission(
    requirements.modifyInstance(processInstanceId, processDefinitionKey),
  );
  const cancelVerdict = usePermission(
    cancelsInstance ? requirements.cancelInstance(processInstanceId, processDefinitionKey) : [],
  );
  const applyRefusal =
    refusalReason(updateVerdict, 'modify this instance') ??
    refusalReason(cancelVerdict, 'cancel the last tokens of this instance, which deletes it');
  const batchRefusal = refusalReason(
    usePermission(requirements.createModificationBatch()),
    'apply this as a batch',
  );
  // "Plan against the current state" may have removed every instruction.
  const nothingToSend = plan.instructions.length === 0;
  const applyError = sender.error;
  // At most one outcome at a time: sending clears the others first.
  const outcomeRef = useScrollIntoViewOn<HTMLDivElement>(stale ?? checkError ?? applyError);

  const badgeLabel = (elementId: string) =>
    getSequenceFlow(index, elementId) === undefined
      ? `at ${elementLabel(index, elementId)}`
      : `on flow ${elementLabel(index, elementId)}`;
  // Starts of a whole multi-instance count what the predicted result below shows.
  const starts = multiInstanceStarts(plan.instructions, tree, preview.preview);
  const perInstruction = badgesPerInstruction(plan, planTree, index, starts);
  const total = describeBadges(pendingBadges(plan, planTree, index, starts), badgeLabel);

  /** Every read of the instance (tree, tokens, variables) again, so the preview runs on them. */
  const refreshInstance = () =>
    queryClient.invalidateQueries({ queryKey: processInstanceKeys.all });

  const send = (values: ReviewFormValues, mode: SendMode) =>
    sender.send({
      mode,
      prepare: () => {
        dispatch({ type: 'setOptions', options: { annotation: values.annotation } });
        setStale(null);
        setRebased(null);
        setCheckError(null);
      },
      check: async () => {
        let current: StaleCheckResult;
        try {
          current = await checkPlanIsCurrent(
            queryClient,
            processInstanceId,
            { ...plan, annotation: values.annotation },
            planTree,
            index,
          );
        } catch (error) {
          setCheckError(error);
          return false;
        }
        if (current.report !== null) {
          setStale(current);
          // The page, its tokens and the preview show the instance as it is now.
          void refreshInstance();
          return false;
        }
        return true;
      },
      // The body on screen, which the preview checked; its annotation is the one just validated.
      sync: {
        request: body,
        onSuccess: () => {
          completePlan();
          onApplied({ kind: 'sync', readback: recording.toReadbackRequest(values.annotation) });
        },
        onSending: (applying) => {
          // Predicted for the body being sent.
          if (preview.preview?.ok === true && preview.preview.ended) {
            onApplyEnding?.(
              applying.then(() => {
                // Once the instance has ended, `completePlan` may never run: the sent plan must
                // not stay in storage either way.
                discardStoredPlan(processInstanceId);
              }),
            );
          }
        },
      },
      async: {
        request: body,
        onSuccess: (batch) => {
          completePlan();
          setFollowedBatch(batch);
          rememberSentAnnotation(batch.id, values.annotation);
          onApplied({ kind: 'async', batch });
        },
      },
    });

  /**
   * "Plan against the current state": reads the instance again, removes the instructions whose
   * instances are gone, and takes the current tree as the plan's base; the page and the
   * preview follow the refreshed reads.
   */
  const handleRebase = async () => {
    setRebasing(true);
    setCheckError(null);
    try {
      const [current] = await Promise.all([
        checkPlanIsCurrent(queryClient, processInstanceId, plan, planTree, index),
        refreshInstance(),
      ]);
      const { remove, removed } = rebasePlan(current.report);
      for (const position of remove) {
        dispatch({ type: 'remove', index: position });
      }
      dispatch({ type: 'rebase', tree: current.current });
      setStale(null);
      setRebased(removed);
    } catch (error) {
      setCheckError(error);
    } finally {
      setRebasing(false);
    }
  };

  return (
    <ComposedModal
      open
      size="lg"
      preventCloseOnClickOutside
      aria-label="Review the modification"
      onClose={() => {
        if (busy) {
          return false;
        }
        onClose();
        return true;
      }}
    >
      <ModalHeader
        title="Review the modification"
        label={`Process instance ${processInstanceId}`}
      />
      {/* The first focus: the review from its top (Carbon would take Close), which the arrow keys
          scroll and from which Tab goes on into the plan and the annotation. */}
      <ModalBody hasScrollingContent aria-label="Review" data-modal-primary-focus>
        <PermissionRefusals
          direct={{ id: 'review-apply-reason', reason: applyRefusal }}
          batch={{ id: 'review-batch-refusal', reason: batchRefusal }}
          titles={{
            both: 'The engine will not let you apply this',
            directRefused: 'You may apply this only as a batch',
            batchRefused: 'You may apply this only directly, not as a batch',
          }}
        />
        <section className="review-dialog__section" aria-labelledby="review-instructions">
          <h3 id="review-instructions" className="modification-workspace__subheading">
            Instructions, in this order
          </h3>
          <ol aria-label="Instructions to send">
            {plan.instructions.map((instruction, position) => {
              const tokens = describeBadges(perInstruction[position] ?? {}, badgeLabel);
              return (
                // Positions are the identity of instructions (see InstructionList).
                <li key={position}>
                  {describeInstruction(instruction, {
                    index,
                    tree: planTree,
                    startTimes: details.startTimes,
                  })}
                  {tokens === '' ? '' : ` (${tokens})`}
                </li>
              );
            })}
          </ol>
          <p>Tokens in total: {total === '' ? 'none added or removed' : total}.</p>
        </section>

        <section className="review-dialog__section" aria-labelledby="review-prediction">
          <h3 id="review-prediction" className="modification-workspace__subheading">
            Predicted result
          </h3>
          <PredictedResult state={preview} index={index} tree={tree} />
        </section>

        <section className="review-dialog__section">
          <TextArea
            id="modification-annotation"
            labelText={annotationRequired ? 'Annotation (required)' : 'Annotation (optional)'}
            helperText={recording.helperText}
            rows={2}
            invalid={errors.annotation !== undefined}
            invalidText={errors.annotation?.message}
            {...register('annotation', {
              onChange: (event: { target: { value: string } }) => {
                dispatch({ type: 'setOptions', options: { annotation: event.target.value } });
              },
            })}
          />
          <AnnotationRecordingNotice recording={recording} annotation={annotation} />
        </section>

        <ReviewRequest
          body={body}
          path={`/process-instance/${encodeURIComponent(processInstanceId)}/modification`}
          batchPath={`/process-instance/${encodeURIComponent(processInstanceId)}/modification-async`}
        />

        <div ref={outcomeRef}>
          {stale !== null && stale.report !== null && (
            <div>
              <InlineNotification
                kind="error"
                role="alert"
                lowContrast
                hideCloseButton
                title="The instance changed since the plan was made – nothing was sent"
                subtitle={
                  stale.report.missing.length > 0
                    ? 'Some instructions name instances that are gone: remove or change them, or let them be removed.'
                    : 'Check the plan against what changed, then plan against the current state.'
                }
              />
              <ul aria-label="What changed">
                {stale.report.missing.map((missing) => (
                  <li key={`${missing.position}-${missing.id}`}>{missing.message}</li>
                ))}
                {stale.report.changes.map((change) => (
                  <li key={change.activityId}>{describeTokenCountChange(change)}</li>
                ))}
              </ul>
              <Button
                kind="tertiary"
                size="sm"
                disabled={busy}
                onClick={() => {
                  void handleRebase();
                }}
              >
                {rebasing
                  ? 'Reading the current state…'
                  : stale.report.missing.length > 0
                    ? 'Remove those instructions and plan against the current state'
                    : 'Plan against the current state'}
              </Button>
            </div>
          )}
          {rebased !== null && (
            <div>
              <InlineNotification
                kind="info"
                role="status"
                lowContrast
                hideCloseButton
                title="The plan now runs against the current state"
                subtitle={
                  rebased.length === 0
                    ? 'Check the instructions and the predicted result again before sending.'
                    : nothingToSend
                      ? 'Every instruction was about instances that are gone, so none is left to send: close this and plan again.'
                      : 'Instructions about instances that are gone were removed; check the rest and the predicted result again.'
                }
              />
              {rebased.length > 0 && (
                <ul aria-label="Removed from the plan">
                  {rebased.map((missing) => (
                    <li key={`${missing.position}-${missing.id}`}>{missing.message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {checkError !== null && (
            <ErrorNotification
              title={
                isEngineError(checkError) && checkError.status === 404
                  ? 'The process instance is no longer running – nothing was sent'
                  : 'The instance could not be checked before sending – nothing was sent'
              }
              error={checkError}
            />
          )}
          {applyError !== null && (
            <ErrorNotification title="The modification was not applied" error={applyError} />
          )}
        </div>
        {variablesDropped && (
          <p id="review-batch-reason" className="modification-workspace__hint">
            Apply as batch is not possible: {BATCH_DROPS_VARIABLES_REASON}
          </p>
        )}
      </ModalBody>
      <ModalFooter>
        <Button kind="secondary" disabled={busy} onClick={onClose}>
          Cancel
        </Button>
        <Button
          kind="tertiary"
          disabled={
            busy ||
            nothingToSend ||
            variablesDropped ||
            recording.blocksSending ||
            batchRefusal !== null
          }
          aria-describedby={
            [
              batchRefusal === null ? null : 'review-batch-refusal',
              variablesDropped ? 'review-batch-reason' : null,
            ]
              .filter((id) => id !== null)
              .join(' ') || undefined
          }
          onClick={(event) => {
            void handleSubmit((values) => send(values, 'async'))(event);
          }}
        >
          {applyAsync.isPending ? 'Creating batch…' : 'Apply as batch'}
        </Button>
        <Button
          kind="primary"
          disabled={busy || nothingToSend || recording.blocksSending || applyRefusal !== null}
          aria-describedby={applyRefusal === null ? undefined : 'review-apply-reason'}
          onClick={(event) => {
            void handleSubmit((values) => send(values, 'sync'))(event);
          }}
        >
          {sender.checking ? 'Checking…' : apply.isPending ? 'Applying…' : 'Apply'}
        </Button>
      </ModalFooter>
    </ComposedModal>
  );
}
