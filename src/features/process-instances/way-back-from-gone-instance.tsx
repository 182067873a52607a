import type { HistoricProcessInstanceDto } from '../../../contract/camunda/history';
import { RouterLink } from '../../components/router-link';

/**
 * Where to go from an instance that is gone: the instances of its definition, which the history
 * still names, or the definitions when it does not.
 */
export function WayBackFromGoneInstance({
  history,
}: {
  history: HistoricProcessInstanceDto | undefined;
}) {
  return history === undefined ? (
    <RouterLink to="/process-definitions">Back to the process definitions</RouterLink>
  ) : (
    <RouterLink
      to="/process-definitions/$processDefinitionId"
      params={{ processDefinitionId: history.processDefinitionId }}
    >
      Back to the instances of {history.processDefinitionName ?? history.processDefinitionKey}
    </RouterLink>
  );
}
