import type { BatchRefusals } from './use-batch-permissions';
import { batchRefusalsId } from './use-batch-permissions';

/** What the disabled batch actions beside it would need, in words. */
export function BatchRefusalsNote({
  batchId,
  refusals,
}: {
  batchId: string;
  refusals: BatchRefusals;
}) {
  const reasons = [refusals.update, refusals.delete].filter((reason) => reason !== null);
  if (reasons.length === 0) {
    return null;
  }
  return (
    <p id={batchRefusalsId(batchId)} className="batch-refusals">
      {reasons.join(' ')}
    </p>
  );
}
