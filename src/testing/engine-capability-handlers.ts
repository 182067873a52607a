import { http, HttpResponse } from 'msw';

import type { UserOperationLogEntryDto } from '../../contract/camunda/history';
import { HISTORY_COUNT_NAMES, HISTORY_COUNT_REQUESTS } from '../api/history-level';
import type { HistoryCountName } from '../api/history-level';
import { ENGINE_REST_URL } from './msw-server';

/** demo/demo, the only credentials an engine with authentication accepts here. */
const DEMO_AUTHORIZATION = `Basic ${btoa('demo:demo')}`;

export interface EngineCapabilityFixture {
  /** `on`: credentials that cannot be right get 401; `off`: every request is answered. */
  authentication?: 'on' | 'off';
  /** The counts the history level is read from; missing ones are 0. */
  counts?: Partial<Record<HistoryCountName, number>>;
  /** What `GET /history/user-operation` answers, given the request's query. */
  operationLog?: (query: URLSearchParams) => UserOperationLogEntryDto[];
  /** What `GET /authorization/check` answers for one permission; every one by default. */
  granted?: (permission: GrantedPermission) => boolean;
}

/** The query of `GET /authorization/check`. */
export interface GrantedPermission {
  permissionName: string;
  resourceName: string;
  resourceType: number;
  resourceId: string | null;
}

/** An engine that records annotations: authentication on, one operation log entry (full). */
export const RECORDING_ENGINE: EngineCapabilityFixture = {
  authentication: 'on',
  counts: { userOperations: 1 },
  operationLog: () => [],
};

/**
 * MSW handlers for what the console probes about the engine: `GET /version` with the probe's
 * credentials, the history-level counts, the operation log and the user's permissions.
 */
export function engineCapabilityHandlers({
  authentication = 'on',
  counts = {},
  operationLog = () => [],
  granted = () => true,
}: EngineCapabilityFixture = RECORDING_ENGINE) {
  return [
    http.get(`${ENGINE_REST_URL}/version`, ({ request }) =>
      authentication === 'off' || request.headers.get('Authorization') === DEMO_AUTHORIZATION
        ? HttpResponse.json({ version: '7.22.0' })
        : // Camunda's authentication filter: an empty body.
          new HttpResponse(null, { status: 401 }),
    ),
    ...HISTORY_COUNT_NAMES.map((name) =>
      http.get(`${ENGINE_REST_URL}${HISTORY_COUNT_REQUESTS[name].path}`, () =>
        HttpResponse.json({ count: counts[name] ?? 0 }),
      ),
    ),
    http.get(`${ENGINE_REST_URL}/history/user-operation`, ({ request }) =>
      HttpResponse.json(operationLog(new URL(request.url).searchParams)),
    ),
    http.get(`${ENGINE_REST_URL}/authorization/check`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const permission: GrantedPermission = {
        permissionName: query.get('permissionName') ?? '',
        resourceName: query.get('resourceName') ?? '',
        resourceType: Number(query.get('resourceType')),
        resourceId: query.get('resourceId'),
      };
      return HttpResponse.json({
        permissionName: permission.permissionName,
        resourceName: permission.resourceName,
        resourceId: permission.resourceId,
        authorized: granted(permission),
      });
    }),
  ];
}
