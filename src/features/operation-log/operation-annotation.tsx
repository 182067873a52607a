import { Button, Form, Modal, TextArea } from '@carbon/react';
import { Edit, TrashCan } from '@carbon/react/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';

import { requirements } from '../../api/permissions';
import { ErrorNotification } from '../../components/error-notification';
import { refusalReason, usePermission } from '../../lib/use-permission';
import { useClearAnnotation } from './use-clear-annotation';
import {
  annotationFormSchema,
  MAX_ANNOTATION_LENGTH,
  useSetAnnotation,
} from './use-set-annotation';
import type { AnnotationFormValues } from './use-set-annotation';

interface OperationAnnotationProps {
  operationId: string;
  annotation: string | null;
  /** The operation's category and process definition key: what Camunda checks the change on. */
  category: string | null;
  processDefinitionKey: string | null;
}

type Mode = 'view' | 'edit' | 'confirm-clear';

/** An operation's annotation, edited in place and cleared after a confirmation. */
export function OperationAnnotation({
  operationId,
  annotation,
  category,
  processDefinitionKey,
}: OperationAnnotationProps) {
  const [mode, setMode] = useState<Mode>('view');
  const refusal = refusalReason(
    usePermission(requirements.annotateOperation(category, processDefinitionKey)),
    'change this annotation',
  );
  const refusalId = `annotation-refusal-${operationId}`;
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(false);

  useEffect(() => {
    // Back from the editor or the dialog, the keyboard user continues where they started.
    if (mode === 'view' && restoreFocus.current) {
      restoreFocus.current = false;
      editButtonRef.current?.focus();
    }
  }, [mode]);

  const handleDone = () => {
    restoreFocus.current = true;
    setMode('view');
  };

  if (mode === 'edit') {
    return (
      <AnnotationEditor operationId={operationId} annotation={annotation} onDone={handleDone} />
    );
  }

  return (
    <div className="operation-annotation">
      {annotation === null ? (
        <span className="operation-annotation__none">No annotation</span>
      ) : (
        <p className="operation-annotation__text">{annotation}</p>
      )}
      <div className="operation-annotation__buttons">
        {/* Text buttons, not icon buttons: fifty rows of tooltips cost more than they explain. */}
        <Button
          ref={editButtonRef}
          kind="ghost"
          size="sm"
          renderIcon={Edit}
          aria-label={annotation === null ? 'Add annotation' : 'Edit annotation'}
          disabled={refusal !== null}
          aria-describedby={refusal === null ? undefined : refusalId}
          onClick={() => {
            setMode('edit');
          }}
        >
          {annotation === null ? 'Add' : 'Edit'}
        </Button>
        {annotation !== null && (
          <Button
            kind="ghost"
            size="sm"
            renderIcon={TrashCan}
            aria-label="Clear annotation"
            disabled={refusal !== null}
            aria-describedby={refusal === null ? undefined : refusalId}
            onClick={() => {
              setMode('confirm-clear');
            }}
          >
            Clear
          </Button>
        )}
      </div>
      {refusal !== null && (
        <p id={refusalId} className="operation-annotation__refusal">
          {refusal}
        </p>
      )}
      {mode === 'confirm-clear' && annotation !== null && (
        <ClearAnnotationDialog
          operationId={operationId}
          annotation={annotation}
          onDone={handleDone}
        />
      )}
    </div>
  );
}

interface AnnotationEditorProps {
  operationId: string;
  annotation: string | null;
  onDone: () => void;
}

function AnnotationEditor({ operationId, annotation, onDone }: AnnotationEditorProps) {
  const setAnnotation = useSetAnnotation();
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<AnnotationFormValues>({
    resolver: zodResolver(annotationFormSchema),
    defaultValues: { annotation: annotation ?? '' },
  });

  useEffect(() => {
    setFocus('annotation', { shouldSelect: true });
  }, [setFocus]);

  const handleValidSubmit = ({ annotation: text }: AnnotationFormValues) => {
    setAnnotation.mutate({ operationId, annotation: text }, { onSuccess: onDone });
  };
  const submit = () => void handleSubmit(handleValidSubmit)();

  const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Form
      className="operation-annotation__editor"
      aria-label="Edit annotation"
      noValidate
      onKeyDown={handleKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {setAnnotation.error !== null && (
        <ErrorNotification title="The annotation could not be saved" error={setAnnotation.error} />
      )}
      <TextArea
        id={`annotation-${operationId}`}
        labelText="Annotation"
        helperText="Ctrl+Enter saves, Escape cancels"
        rows={3}
        enableCounter
        maxCount={MAX_ANNOTATION_LENGTH}
        invalid={errors.annotation !== undefined}
        invalidText={errors.annotation?.message}
        {...register('annotation')}
      />
      <div className="operation-annotation__actions">
        <Button type="submit" size="sm" disabled={setAnnotation.isPending}>
          {setAnnotation.isPending ? 'Saving…' : 'Save'}
        </Button>
        <Button kind="secondary" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

interface ClearAnnotationDialogProps {
  operationId: string;
  annotation: string;
  onDone: () => void;
}

function ClearAnnotationDialog({ operationId, annotation, onDone }: ClearAnnotationDialogProps) {
  const clearAnnotation = useClearAnnotation();
  return (
    <Modal
      open
      danger
      size="sm"
      modalHeading="Clear the annotation?"
      primaryButtonText={clearAnnotation.isPending ? 'Clearing…' : 'Clear annotation'}
      secondaryButtonText="Cancel"
      primaryButtonDisabled={clearAnnotation.isPending}
      onRequestClose={onDone}
      onRequestSubmit={() => {
        clearAnnotation.mutate(operationId, { onSuccess: onDone });
      }}
    >
      <p className="operation-annotation__quote">“{annotation}”</p>
      <p>
        It is removed from every entry of this operation. The log records the clearing as an
        operation of its own.
      </p>
      {clearAnnotation.error !== null && (
        <ErrorNotification
          title="The annotation could not be cleared"
          error={clearAnnotation.error}
        />
      )}
    </Modal>
  );
}
