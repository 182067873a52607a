import { useQuery } from '@tanstack/react-query';

import type {
  HistoricProcessInstanceDto,
  HistoricProcessInstanceState,
} from '../../../contract/camunda/history';
import type { ProcessInstanceDto } from '../../../contract/camunda/process-instance';
import { RouterLink } from '../../components/router-link';
import { StaticTag } from '../../components/static-tag';
import { formatCamundaDate } from '../../lib/camunda-date';
import { processDefinitionQueries } from '../../api/process-definition-queries';
import { processInstanceQueries } from '../../api/process-instance-queries';

import './process-instance.scss';

interface ProcessInstanceHeaderProps {
  instance: ProcessInstanceDto;
}

const STATE_TAGS: Record<HistoricProcessInstanceState, { label: string; type: 'green' | 'gray' }> =
  {
    ACTIVE: { label: 'Active', type: 'green' },
    SUSPENDED: { label: 'Suspended', type: 'gray' },
    COMPLETED: { label: 'Completed', type: 'gray' },
    EXTERNALLY_TERMINATED: { label: 'Terminated', type: 'gray' },
    INTERNALLY_TERMINATED: { label: 'Terminated', type: 'gray' },
  };

/** What the instance is: its definition (name, version), id, business key, state, start time. */
export function ProcessInstanceHeader({ instance }: ProcessInstanceHeaderProps) {
  const definition = useQuery(processDefinitionQueries.detail(instance.definitionId));
  // The history adds the start time; an engine with history level `none` simply has none.
  const history = useQuery(processInstanceQueries.history(instance.id));
  const incidentCount = useQuery({
    ...processInstanceQueries.incidents(instance.id),
    select: (incidents) => incidents.length,
  });

  const name = definition.data?.name ?? definition.data?.key ?? instance.definitionId;
  const state = STATE_TAGS[toState(instance, history.data)];

  return (
    <header className="process-instance-header">
      <nav aria-label="Breadcrumb" className="process-instance-header__breadcrumb">
        <RouterLink to="/process-definitions">Process definitions</RouterLink>
        <span aria-hidden> / </span>
        <RouterLink
          to="/process-definitions/$processDefinitionId"
          params={{ processDefinitionId: instance.definitionId }}
        >
          {name}
        </RouterLink>
      </nav>
      <h1 className="app-page__title process-instance-header__title">
        {name}
        {definition.data !== undefined && (
          <span className="process-instance-header__version">
            {' '}
            version {definition.data.version}
          </span>
        )}
      </h1>
      <dl className="process-instance-header__facts">
        <div>
          <dt>Instance ID</dt>
          <dd className="process-instance-header__id">{instance.id}</dd>
        </div>
        <div>
          <dt>Business key</dt>
          <dd>{instance.businessKey ?? '–'}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>
            <StaticTag type={state.type}>{state.label}</StaticTag>
            {(incidentCount.data ?? 0) > 0 && (
              <StaticTag type="red">
                {incidentCount.data === 1
                  ? '1 incident'
                  : `${String(incidentCount.data)} incidents`}
              </StaticTag>
            )}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{history.data === undefined ? '–' : formatCamundaDate(history.data.startTime)}</dd>
        </div>
      </dl>
    </header>
  );
}

/** The history's state where there is one; the runtime knows only active or suspended. */
function toState(
  instance: ProcessInstanceDto,
  history: HistoricProcessInstanceDto | undefined,
): HistoricProcessInstanceState {
  if (history !== undefined) {
    return history.state;
  }
  return instance.suspended ? 'SUSPENDED' : 'ACTIVE';
}
