export function BatchPage() {
  return <h1 className="app-page__title">Batch</h1>;
}
