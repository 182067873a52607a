export function OperationLogPage() {
  return <h1 className="app-page__title">Operation log</h1>;
}
