import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';

import type { BatchStatisticsDto } from '../../../contract/camunda/batch';
import { getSignedInUserId } from '../../api/console-session';
import type { BatchEvent } from './batch-notifications';
import { diffBatchStatistics, hasEndedBatches } from './batch-notifications';
import { batchKeys, historicBatchKeys } from '../../api/query-keys';
import type { DeleteBatchVariables } from './use-delete-batch';
import { DELETE_BATCH_MUTATION_KEY } from './use-delete-batch';

export type BatchNotification = BatchEvent & { key: string };

const STATISTICS_HASH = hashKey(batchKeys.statistics());

/** More toasts than this would cover the page; the newest win. */
const MAX_NOTIFICATIONS = 3;

/**
 * Watches every answer of the batch statistics poll and turns what changed into notifications
 * about the signed-in user's batches. When any batch has left the runtime it also refreshes the
 * finished-batches history, which does not poll itself: one request per interval is the rule.
 */
export function useBatchNotifications() {
  const queryClient = useQueryClient();
  const [notifications, setNotifications] = useState<BatchNotification[]>([]);

  useEffect(() => {
    let previous = queryClient.getQueryData<BatchStatisticsDto[]>(batchKeys.statistics());
    return queryClient.getQueryCache().subscribe((event) => {
      if (
        event.type !== 'updated' ||
        event.action.type !== 'success' ||
        event.query.queryHash !== STATISTICS_HASH
      ) {
        return;
      }
      const current = event.query.state.data as BatchStatisticsDto[];
      const deletedBatchIds = new Set(
        queryClient
          .getMutationCache()
          .findAll({ mutationKey: DELETE_BATCH_MUTATION_KEY })
          .map((mutation) => (mutation.state.variables as DeleteBatchVariables).batchId),
      );
      const events = diffBatchStatistics(previous, current, {
        userId: getSignedInUserId(),
        deletedBatchIds,
      });
      if (hasEndedBatches(previous, current)) {
        void queryClient.invalidateQueries({ queryKey: historicBatchKeys.lists() });
      }
      previous = current;
      if (events.length > 0) {
        setNotifications((shown) => [...shown, ...events.map(withKey)].slice(-MAX_NOTIFICATIONS));
      }
    });
  }, [queryClient]);

  const dismiss = useCallback((key: string) => {
    setNotifications((shown) => shown.filter((notification) => notification.key !== key));
  }, []);

  return { notifications, dismiss };
}

function withKey(event: BatchEvent): BatchNotification {
  const key =
    event.kind === 'finished'
      ? `finished-${event.batchId}`
      : `failed-${event.batchId}-${String(event.failedJobs)}`;
  return { ...event, key };
}
