/** `GET /event-subscription` filters and sort keys. */
import type { EngineApi } from '../engine-api';
import type { EventSubscriptionRec } from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import { matchesTenant, sortAndPage } from './query-support';

/** Field names as in Camunda's `EventSubscriptionQueryDto`. */
export interface EventSubscriptionQuery {
  eventSubscriptionId?: string;
  eventName?: string;
  eventType?: string;
  executionId?: string;
  processInstanceId?: string;
  activityId?: string;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export const EVENT_SUBSCRIPTION_SORT_KEYS: SortKeys<EventSubscriptionRec> = {
  created: (subscription) => subscription.createdDate,
  tenantId: (subscription) => subscription.tenantId,
};

export function matchesEventSubscription(
  subscription: EventSubscriptionRec,
  query: EventSubscriptionQuery,
): boolean {
  const q = query;
  if (q.eventSubscriptionId !== undefined && subscription.id !== q.eventSubscriptionId) {
    return false;
  }
  if (q.eventName !== undefined && subscription.eventName !== q.eventName) {
    return false;
  }
  if (q.eventType !== undefined && subscription.eventType !== q.eventType) {
    return false;
  }
  if (q.executionId !== undefined && subscription.executionId !== q.executionId) {
    return false;
  }
  if (q.processInstanceId !== undefined && subscription.processInstanceId !== q.processInstanceId) {
    return false;
  }
  if (q.activityId !== undefined && subscription.activityId !== q.activityId) {
    return false;
  }
  return matchesTenant(subscription.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findEventSubscriptions(
  engine: EngineApi,
  query: EventSubscriptionQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): EventSubscriptionRec[] {
  const matching = [...engine.eventSubscriptions()].filter((s) =>
    matchesEventSubscription(s, query),
  );
  return sortAndPage(matching, sortings, EVENT_SUBSCRIPTION_SORT_KEYS, paging);
}
