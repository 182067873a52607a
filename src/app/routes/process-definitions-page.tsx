import { ProcessDefinitionList } from '../../features/process-definitions/process-definition-list';

export function ProcessDefinitionsPage() {
  return (
    <div className="app-page">
      <h1 className="app-page__title">Process definitions</h1>
      <ProcessDefinitionList />
    </div>
  );
}
