import { Checkbox, Modal } from '@carbon/react';
import { useState } from 'react';

import { ErrorNotification } from '../../components/error-notification';
import { useDeleteBatch } from './use-delete-batch';

interface DeleteBatchDialogProps {
  batchId: string;
  onClose: () => void;
  /** After the batch is gone; `cascade` says whether its history went too. */
  onDeleted?: (cascade: boolean) => void;
}

/** Confirms deleting a batch and lets the operator choose what happens to its history. */
export function DeleteBatchDialog({ batchId, onClose, onDeleted }: DeleteBatchDialogProps) {
  const [cascade, setCascade] = useState(false);
  const deleteBatch = useDeleteBatch();

  const handleSubmit = () => {
    deleteBatch.mutate(
      { batchId, cascade },
      {
        onSuccess: () => {
          onClose();
          onDeleted?.(cascade);
        },
      },
    );
  };

  return (
    <Modal
      open
      danger
      size="sm"
      modalLabel={`Batch ${batchId}`}
      modalHeading="Delete this batch?"
      primaryButtonText={deleteBatch.isPending ? 'Deleting…' : 'Delete batch'}
      primaryButtonDisabled={deleteBatch.isPending}
      secondaryButtonText="Cancel"
      onRequestClose={onClose}
      onRequestSubmit={handleSubmit}
    >
      <p className="batch-dialog__text">
        Delete the batch and its jobs: instances it has not modified yet stay as they are. With
        &lsquo;also delete its history&rsquo; the historic batch and its job log are removed too;
        without, the batch stays in history as finished.
      </p>
      <Checkbox
        id={`delete-batch-cascade-${batchId}`}
        labelText="Also delete its history"
        checked={cascade}
        onChange={(_event, { checked }) => {
          setCascade(checked);
        }}
      />
      {deleteBatch.error !== null && (
        <ErrorNotification title="The batch could not be deleted" error={deleteBatch.error} />
      )}
    </Modal>
  );
}
