export function BatchesPage() {
  return <h1 className="app-page__title">Batches</h1>;
}
