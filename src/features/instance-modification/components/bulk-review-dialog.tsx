import {
  Button,
  ComposedModal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
} from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';

import type { BatchDto } from '../../../api/camunda-dto';
import { ErrorNotification } from '../../../components/error-notification';
import { useExecuteModification, useExecuteModificationAsync } from '../api/bulk-mutations';
import { createReviewFormSchema } from '../api/modification-mutations';
import type { ReviewFormValues } from '../api/modification-mutations';
import type { BpmnIndex } from '../model/bpmn-index';
import { describeBulkInstruction } from '../model/bulk-actions';
import { toBulkModificationDto } from '../model/bulk-plan';
import type { BulkPlan } from '../model/bulk-plan';
import type { SelectedInstances } from '../model/bulk-selection';
import { rememberSentAnnotation } from '../model/sent-annotations';
import { ANNOTATION_REQUIRED } from '../modification-settings';
import { useAnnotationRecording } from '../use-annotation-recording';
import type { OperationLogReadbackRequest } from '../use-annotation-recording';
import { useScrollIntoViewOn } from '../use-scroll-into-view-on';
import { AnnotationRecordingNotice } from './annotation-recording-notice';
import { ReviewRequest } from './review-request';

export type ExecutedModification =
  | { kind: 'sync'; count: number; readback: OperationLogReadbackRequest }
  | { kind: 'async'; batch: BatchDto };

export interface BulkReviewDialogProps {
  processDefinitionId: string;
  index: BpmnIndex;
  plan: BulkPlan;
  /** The instance source the request carries, exactly as the count was asked with. */
  instances: SelectedInstances;
  /** What the count request answered for `instances`. */
  count: number;
  /** In words: how the instances were chosen. */
  selectionDescription: string;
  annotationRequired?: boolean;
  onClose: () => void;
  onExecuted: (executed: ExecutedModification) => void;
}

type ExecuteMode = 'sync' | 'async';

/**
 * The last look before sending a modification of many instances: the instructions in words, how
 * many instances and how they were chosen, the annotation, and the exact request. A refused
 * request keeps the plan and the dialog, with Camunda's error.
 */
export function BulkReviewDialog({
  processDefinitionId,
  index,
  plan,
  instances,
  count,
  selectionDescription,
  annotationRequired = ANNOTATION_REQUIRED,
  onClose,
  onExecuted,
}: BulkReviewDialogProps) {
  const execute = useExecuteModification();
  const executeAsync = useExecuteModificationAsync();
  // A ref, not state: a second click in the same tick must already see the first one.
  const inFlight = useRef(false);
  const schema = useMemo(() => createReviewFormSchema(annotationRequired), [annotationRequired]);
  const {
    control,
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ReviewFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { annotation: '' },
  });
  const annotation = useWatch({ control, name: 'annotation' });
  const recording = useAnnotationRecording({
    scope: { processDefinitionId },
    annotation,
    annotationRequired,
  });

  const body = toBulkModificationDto(processDefinitionId, plan, instances, annotation);
  const busy = execute.isPending || executeAsync.isPending;
  const error = execute.error ?? executeAsync.error;
  const errorRef = useScrollIntoViewOn<HTMLDivElement>(error);
  const path = (mode: ExecuteMode) =>
    mode === 'sync' ? '/modification/execute' : '/modification/executeAsync';

  const send = (values: ReviewFormValues, mode: ExecuteMode) => {
    if (inFlight.current) {
      return;
    }
    inFlight.current = true;
    execute.reset();
    executeAsync.reset();
    const request = toBulkModificationDto(processDefinitionId, plan, instances, values.annotation);
    const settle = () => {
      inFlight.current = false;
    };
    if (mode === 'sync') {
      execute.mutate(request, {
        onSuccess: () => {
          onExecuted({
            kind: 'sync',
            count,
            readback: recording.toReadbackRequest(values.annotation),
          });
        },
        onSettled: settle,
      });
    } else {
      executeAsync.mutate(request, {
        onSuccess: (batch) => {
          rememberSentAnnotation(batch.id, values.annotation);
          onExecuted({ kind: 'async', batch });
        },
        onSettled: settle,
      });
    }
  };

  const instanceWord = count === 1 ? 'instance' : 'instances';
  return (
    <ComposedModal
      open
      size="lg"
      preventCloseOnClickOutside
      aria-label="Review the modification of many instances"
      onClose={() => {
        if (busy) {
          return false;
        }
        onClose();
        return true;
      }}
    >
      <ModalHeader
        title="Review the modification of many instances"
        label={`Process definition ${processDefinitionId}`}
      />
      <ModalBody hasScrollingContent aria-label="Review">
        <section className="review-dialog__section" aria-labelledby="bulk-review-instances">
          <h3 id="bulk-review-instances" className="modification-workspace__subheading">
            Instances
          </h3>
          <p>
            This request modifies <strong>{count}</strong> {instanceWord}: {selectionDescription}.
          </p>
        </section>
        <section className="review-dialog__section" aria-labelledby="bulk-review-instructions">
          <h3 id="bulk-review-instructions" className="modification-workspace__subheading">
            In each instance, in this order
          </h3>
          <ol className="bulk-review__instructions" aria-label="Instructions to send">
            {plan.instructions.map((instruction, position) => (
              // Positions are the identity of instructions (see BulkInstructionList).
              <li key={position}>{describeBulkInstruction(instruction, index)}</li>
            ))}
          </ol>
          {(plan.skipCustomListeners || plan.skipIoMappings) && (
            <p>
              {[
                plan.skipCustomListeners ? 'Custom listeners do not run' : null,
                plan.skipIoMappings ? 'input/output mappings do not run' : null,
              ]
                .filter((part) => part !== null)
                .join('; ')}
              .
            </p>
          )}
          <p className="modification-workspace__hint">
            Run now: every instance in one transaction – if one fails, none is changed. Run as a
            batch: one job per instance, each failing on its own, followed on the batch page.
          </p>
        </section>
        <section className="review-dialog__section">
          <TextArea
            id="bulk-modification-annotation"
            labelText={annotationRequired ? 'Annotation (required)' : 'Annotation (optional)'}
            helperText={recording.helperText}
            rows={2}
            invalid={errors.annotation !== undefined}
            invalidText={errors.annotation?.message}
            {...register('annotation')}
          />
          <AnnotationRecordingNotice recording={recording} annotation={annotation} />
        </section>
        <ReviewRequest body={body} path={path('sync')} batchPath={path('async')} />
        <div ref={errorRef}>
          {error !== null && (
            <ErrorNotification title="The modification was not applied" error={error} />
          )}
        </div>
      </ModalBody>
      <ModalFooter>
        <Button kind="secondary" disabled={busy} onClick={onClose}>
          Cancel
        </Button>
        <Button
          kind="tertiary"
          disabled={busy || recording.blocksSending}
          onClick={(event) => {
            void handleSubmit((values) => {
              send(values, 'sync');
            })(event);
          }}
        >
          {execute.isPending ? 'Modifying…' : `Modify ${String(count)} ${instanceWord} now`}
        </Button>
        <Button
          kind="primary"
          disabled={busy || recording.blocksSending}
          onClick={(event) => {
            void handleSubmit((values) => {
              send(values, 'async');
            })(event);
          }}
        >
          {executeAsync.isPending ? 'Creating batch…' : 'Run as batch'}
        </Button>
      </ModalFooter>
    </ComposedModal>
  );
}
