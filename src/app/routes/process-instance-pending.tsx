import { ProcessInstanceSkeleton } from '../../features/process-instances/process-instance-skeleton';

/**
 * The instance page while its data load: the router's pending component, once they take longer
 * than it lets a page wait, and the page's own while a query it needs is still pending.
 */
export function ProcessInstancePending() {
  return (
    <div className="app-page">
      <ProcessInstanceSkeleton />
    </div>
  );
}
