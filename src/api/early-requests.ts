/**
 * A deep link to an instance (from an alert, a ticket, a colleague) opens the console in a new
 * tab, and its diagram waits for the instance, its tree and the definition's XML. The console's
 * JavaScript takes a few hundred milliseconds to load and start; a script in index.html sends
 * those GET requests at once instead, and `engineRequest` takes their responses when the page
 * asks for exactly the same URL with the same credentials. Nothing else changes: a response is
 * read and judged (errors, 401) as if `engineRequest` had fetched it, and one nobody asks for in
 * time is dropped.
 */

/** Where the inline script leaves its requests for the console; read only by `takeEarlyResponse`. */
export const EARLY_REQUESTS_GLOBAL = '__camundaRepairConsoleEarlyRequests';

/** The instance page's path (the router's `/process-instances/$processInstanceId`). */
export const INSTANCE_PAGE_PATH = /^\/process-instances\/([^/]+)$/;

/** Early responses are for the page the tab opened with; later reads fetch afresh. */
const EARLY_RESPONSE_LIFETIME_MS = 10_000;

export interface EarlyRequestsConfig {
  /** `INSTANCE_PAGE_PATH.source`: the script sees only what its config carries. */
  instancePagePath: string;
  globalName: string;
  credentialsStorageKey: string;
  engineStorageKey: string;
  defaultEngineName: string;
  restBase: string;
}

interface EarlyRequest {
  response: Promise<Response>;
  sentAt: number;
}

/**
 * The body of index.html's script (`sendEarlyRequests.toString()`): it may use only its config
 * and browser globals. For `/process-instances/{id}` of a signed-in tab it requests the instance,
 * its activity instance tree and incidents, then the definition and its XML, under the URLs and
 * with the headers `engineRequest` would use.
 */
export function sendEarlyRequests(config: EarlyRequestsConfig): void {
  const match = new RegExp(config.instancePagePath).exec(window.location.pathname);
  const stored = window.sessionStorage.getItem(config.credentialsStorageKey);
  if (match === null || stored === null) {
    return;
  }
  let authorization: string;
  try {
    const { username, password } = JSON.parse(stored) as { username: string; password: string };
    const bytes = new TextEncoder().encode(`${username}:${password}`);
    authorization = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  } catch {
    return;
  }
  const engine = window.sessionStorage.getItem(config.engineStorageKey);
  const root =
    engine === null || engine === config.defaultEngineName
      ? config.restBase
      : `${config.restBase}/engine/${encodeURIComponent(engine)}`;
  const requests = new Map<string, EarlyRequest>();
  Object.defineProperty(window, config.globalName, { value: requests, configurable: true });
  const get = (path: string): Promise<Response> => {
    const url = new URL(root + path, window.location.href).href;
    const response = fetch(url, {
      headers: { Accept: 'application/json', Authorization: authorization },
      credentials: 'omit',
    });
    requests.set(`${authorization} ${url}`, { response, sentAt: performance.now() });
    return response;
  };
  const id = encodeURIComponent(decodeURIComponent(match[1] ?? ''));
  void get(`/process-instance/${id}/activity-instances`).catch(() => undefined);
  void get(`/incident?processInstanceId=${id}`).catch(() => undefined);
  get(`/process-instance/${id}`)
    .then((response) => (response.ok ? response.clone().json() : null))
    .then((instance: { definitionId?: unknown } | null) => {
      if (typeof instance?.definitionId === 'string') {
        const definitionId = encodeURIComponent(instance.definitionId);
        void get(`/process-definition/${definitionId}`).catch(() => undefined);
        void get(`/process-definition/${definitionId}/xml`).catch(() => undefined);
      }
    })
    .catch(() => undefined);
}

/**
 * The early response for a GET of `url` with `authorization`, at most once; null when the script
 * sent no such request, or sent it too long ago to still be news.
 */
export function takeEarlyResponse(
  url: string,
  authorization: string | null,
): Promise<Response> | null {
  const requests = (window as unknown as Record<string, unknown>)[EARLY_REQUESTS_GLOBAL];
  if (!(requests instanceof Map) || authorization === null) {
    return null;
  }
  const key = `${authorization} ${url}`;
  const request = (requests as Map<string, EarlyRequest>).get(key);
  if (request === undefined) {
    return null;
  }
  requests.delete(key);
  return performance.now() - request.sentAt <= EARLY_RESPONSE_LIFETIME_MS ? request.response : null;
}
