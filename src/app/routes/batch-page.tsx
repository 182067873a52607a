import { useParams } from '@tanstack/react-router';

import { BatchDetail } from '../../features/batches/batch-detail';

export function BatchPage() {
  const { batchId } = useParams({ from: '/authenticated/batches/$batchId' });
  return (
    <div className="app-page">
      <BatchDetail batchId={batchId} />
    </div>
  );
}
