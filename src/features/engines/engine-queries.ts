import { queryOptions } from '@tanstack/react-query';

import type { ProcessEngineDto } from '../../../contract/camunda/common';
import { engineRequest } from '../../api/engine-client';
import { engineKeys } from '../../api/query-keys';

/** The process engines the server offers (`GET /engine`); they do not change while it runs. */
export const engineQueries = {
  list: () =>
    queryOptions({
      queryKey: engineKeys.list(),
      queryFn: ({ signal }) =>
        engineRequest<ProcessEngineDto[]>('/engine', { signal, engineScoped: false }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
