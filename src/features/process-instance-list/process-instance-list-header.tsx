import { useQuery } from '@tanstack/react-query';

import { processDefinitionQueries } from '../../api/process-definition-queries';
import { ErrorNotification } from '../../components/error-notification';
import { RouterLink } from '../../components/router-link';
import { hasFilters } from '../../lib/process-instance-query';
import { processInstanceListQueries } from './process-instance-list-queries';
import type { ProcessInstanceListQuery } from './process-instance-list-queries';

interface ProcessInstanceListHeaderProps {
  query: ProcessInstanceListQuery;
}

/** The definition the list belongs to (name, key, version) and how many instances match. */
export function ProcessInstanceListHeader({ query }: ProcessInstanceListHeaderProps) {
  const { processDefinitionId } = query;
  const definition = useQuery(processDefinitionQueries.detail(processDefinitionId));
  const count = useQuery(processInstanceListQueries.count(query));

  return (
    <header className="process-instance-list-header">
      <nav aria-label="Breadcrumb" className="process-instance-list-header__breadcrumb">
        <RouterLink to="/process-definitions">Process definitions</RouterLink>
      </nav>
      <h1 className="app-page__title process-instance-list-header__title">
        {definition.data?.name ?? definition.data?.key ?? processDefinitionId}
      </h1>
      {definition.error !== null && (
        <ErrorNotification
          title="The process definition could not be loaded"
          error={definition.error}
        />
      )}
      <dl className="process-instance-list-header__facts">
        {definition.data !== undefined && (
          <>
            <div>
              <dt>Key</dt>
              <dd>{definition.data.key}</dd>
            </div>
            <div>
              <dt>Version</dt>
              <dd>{definition.data.version}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{hasFilters(query) ? 'Matching instances' : 'Running instances'}</dt>
          {/* A live region: the operator hears the new count after changing a filter. */}
          <dd role="status" aria-live="polite">
            {count.data ?? (count.isPending ? '…' : '–')}
          </dd>
        </div>
      </dl>
    </header>
  );
}
