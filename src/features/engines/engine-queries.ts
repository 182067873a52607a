import { queryOptions } from '@tanstack/react-query';

import type { ProcessEngineDto } from '../../../contract/camunda/common';
import { engineRequest } from '../../api/engine-client';

export const engineKeys = {
  all: ['engines'] as const,
  list: () => [...engineKeys.all, 'list'] as const,
};

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
