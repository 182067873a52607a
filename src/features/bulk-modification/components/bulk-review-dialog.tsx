import {
  Button,
  ComposedModal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
} from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';

import type { BatchDto } from '../../../../contract/camunda/batch';
import { requirements } from '../../../api/permissions';
import { ErrorNotification } from '../../../components/error-notification';
import type { SelectedInstances } from '../../../lib/process-instance-query';
import { refusalReason, usePermission } from '../../../lib/use-permission';
import { useExecuteModification, useExecuteModificationAsync } from '../api/bulk-mutations';
import { bulkModificationQueries } from '../api/bulk-queries';
import { createReviewFormSchema } from '../../../modification/review-form-schema';
import type { ReviewFormValues } from '../../../modification/review-form-schema';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { describeBulkInstruction } from '../model/bulk-actions';
import { toBulkModificationDto } from '../model/bulk-plan';
import type { BulkPlan } from '../model/bulk-plan';
import { exactCount, toRequestInstances } from '../model/reviewed-selection';
import type { ModifiedCount } from '../model/reviewed-selection';
import { rememberSentAnnotation } from '../../../modification/model/sent-annotations';
import { useSendModification } from '../../../modification/use-send-modification';
import type { SendMode } from '../../../modification/use-send-modification';
import { ANNOTATION_REQUIRED } from '../../../modification/modification-settings';
import { useAnnotationRecording } from '../../../modification/use-annotation-recording';
import type { OperationLogReadbackRequest } from '../../../modification/use-annotation-recording';
import { useScrollIntoViewOn } from '../../../modification/use-scroll-into-view-on';
import { AnnotationRecordingNotice } from '../../../modification/components/annotation-recording-notice';
import { BulkReviewedInstances } from './bulk-reviewed-instances';
import { PermissionRefusals } from '../../../modification/components/permission-refusals';
import { ReviewRequest } from '../../../modification/components/review-request';

export type ExecutedModification =
  | { kind: 'sync'; modified: ModifiedCount; readback: OperationLogReadbackRequest }
  | { kind: 'async'; batch: BatchDto; instances: SelectedInstances };

export interface BulkReviewDialogProps {
  processDefinitionId: string;
  index: BpmnIndex;
  plan: BulkPlan;
  /** The chosen instances, exactly as the count was asked with; read again when the review opens. */
  instances: SelectedInstances;
  /** In words: how the instances were chosen. */
  selectionDescription: string;
  annotationRequired?: boolean;
  onClose: () => void;
  onExecuted: (executed: ExecutedModification) => void;
}

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
  selectionDescription,
  annotationRequired = ANNOTATION_REQUIRED,
  onClose,
  onExecuted,
}: BulkReviewDialogProps) {
  const execute = useExecuteModification();
  const executeAsync = useExecuteModificationAsync();
  const sender = useSendModification({ sync: execute, async: executeAsync });
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

  // Read once per opening: the ids (or the count) the review shows are the ones sent.
  const [openedAt] = useState(() => Date.now());
  const reviewed = useQuery(bulkModificationQueries.review(instances, openedAt));
  const selection = reviewed.data;
  const requestInstances = selection === undefined ? instances : toRequestInstances(selection);
  const count = selection === undefined ? null : exactCount(selection);

  const body = toBulkModificationDto(processDefinitionId, plan, requestInstances, annotation);
  const busy = sender.isPending;
  const error = sender.error;
  const errorRef = useScrollIntoViewOn<HTMLDivElement>(error);
  const path = (mode: SendMode) =>
    mode === 'sync' ? '/modification/execute' : '/modification/executeAsync';

  const send = (values: ReviewFormValues, mode: SendMode) => {
    if (selection === undefined) {
      return;
    }
    const request = toBulkModificationDto(
      processDefinitionId,
      plan,
      requestInstances,
      values.annotation,
    );
    void sender.send({
      mode,
      sync: {
        request: { body: request, selection },
        onSuccess: (modified) => {
          onExecuted({
            kind: 'sync',
            modified,
            readback: recording.toReadbackRequest(values.annotation),
          });
        },
      },
      async: {
        request,
        onSuccess: (batch) => {
          rememberSentAnnotation(batch.id, values.annotation);
          onExecuted({ kind: 'async', batch, instances: requestInstances });
        },
      },
    });
  };

  const sendable = selection !== undefined && !busy && !recording.blocksSending;
  // The definition's key is its process id. Camunda checks each instance, so grants on single
  // instances could let a sync modification through; this asks only what covers all of them.
  const executeRefusal = refusalReason(
    usePermission(requirements.modifyInstancesOfDefinition(index.processId)),
    'modify these instances now',
  );
  const batchRefusal = refusalReason(
    usePermission(requirements.createModificationBatch()),
    'run this as a batch',
  );
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
      {/* The first focus: the review from its top (Carbon would take Close), which the arrow keys
          scroll and from which Tab goes on into the plan and the annotation. */}
      <ModalBody hasScrollingContent aria-label="Review" data-modal-primary-focus>
        <PermissionRefusals
          direct={{ id: 'bulk-review-execute-reason', reason: executeRefusal }}
          batch={{ id: 'bulk-review-batch-reason', reason: batchRefusal }}
          titles={{
            both: 'The engine will not let you run this',
            directRefused: 'You may run this only as a batch',
            batchRefused: 'You may run this only now, not as a batch',
          }}
        />
        <section className="review-dialog__section" aria-labelledby="bulk-review-instances">
          <h3 id="bulk-review-instances" className="modification-workspace__subheading">
            Instances
          </h3>
          <BulkReviewedInstances
            selection={selection}
            error={reviewed.error}
            description={selectionDescription}
          />
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
        {selection === undefined ? (
          // A body with the query instead of the ids it becomes would show a request never sent.
          <p className="modification-workspace__hint">
            The request is shown once the instances it names have been read.
          </p>
        ) : (
          <ReviewRequest body={body} path={path('sync')} batchPath={path('async')} />
        )}
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
          disabled={!sendable || executeRefusal !== null}
          aria-describedby={executeRefusal === null ? undefined : 'bulk-review-execute-reason'}
          onClick={(event) => {
            void handleSubmit((values) => {
              send(values, 'sync');
            })(event);
          }}
        >
          {execute.isPending
            ? 'Modifying…'
            : count === null
              ? 'Modify the matching instances now'
              : `Modify ${String(count)} ${count === 1 ? 'instance' : 'instances'} now`}
        </Button>
        <Button
          kind="primary"
          disabled={!sendable || batchRefusal !== null}
          aria-describedby={batchRefusal === null ? undefined : 'bulk-review-batch-reason'}
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
