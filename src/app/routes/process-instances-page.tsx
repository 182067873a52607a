import { useParams } from '@tanstack/react-router';

export function ProcessInstancesPage() {
  const { processDefinitionId } = useParams({
    from: '/authenticated/process-definitions/$processDefinitionId',
  });
  return <h1 className="app-page__title">Instances of {processDefinitionId}</h1>;
}
