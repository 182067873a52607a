import { useParams } from '@tanstack/react-router';

export function ProcessInstancePage() {
  const { processInstanceId } = useParams({
    from: '/authenticated/process-instances/$processInstanceId',
  });
  return <h1 className="app-page__title">Process instance {processInstanceId}</h1>;
}
