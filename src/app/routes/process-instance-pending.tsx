import { ProcessInstanceSkeleton } from '../../features/process-instances/process-instance-skeleton';

/** What the instance route shows while its data take longer than the router lets a page wait. */
export function ProcessInstancePending() {
  return (
    <div className="app-page">
      <ProcessInstanceSkeleton />
    </div>
  );
}
