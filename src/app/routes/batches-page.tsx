import { BatchDashboard } from '../../features/batches/batch-dashboard';

export function BatchesPage() {
  return (
    <div className="app-page">
      <h1 className="app-page__title">Batches</h1>
      <BatchDashboard />
    </div>
  );
}
