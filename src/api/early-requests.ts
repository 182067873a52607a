/**
 * A deep link to an instance (from an alert, a ticket, a colleague) opens the console in a new
 * tab, and its diagram waits for the instance, its tree and the definition's XML. The console's
 * JavaScript takes a few hundred milliseconds to load and start; a script in index.html sends
 * those GET requests at once instead, and `engineRequest` takes their responses when the page
 * asks for exactly the same URL. The script knows no credentials: the browser sends the session
 * cookie (`console-session.ts`), and a GET needs no CSRF token. A response is read and judged as
 * if `engineRequest` had fetched it, except a 401 (the tab was not signed in yet), which is
 * fetched again; one nobody asks for in time is dropped, and signing in or out drops them all.
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
 * and browser globals. For `/process-instances/{id}` it requests the instance, its activity
 * instance tree and incidents, then the definition and its XML, under the URLs and with the
 * headers `engineRequest` would use.
 */
export function sendEarlyRequests(config: EarlyRequestsConfig): void {
  const match = new RegExp(config.instancePagePath).exec(window.location.pathname);
  if (match === null) {
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
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    requests.set(url, { response, sentAt: performance.now() });
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
 * The early response for a GET of `url`, at most once; null when the script sent no such request,
 * sent it too long ago to still be news, or was answered 401 (sent before the tab signed in).
 */
export async function takeEarlyResponse(url: string): Promise<Response | null> {
  const requests = earlyRequests();
  const request = requests?.get(url);
  if (requests === null || request === undefined) {
    return null;
  }
  requests.delete(url);
  if (performance.now() - request.sentAt > EARLY_RESPONSE_LIFETIME_MS) {
    return null;
  }
  const response = await request.response.catch(() => null);
  return response === null || response.status === 401 ? null : response;
}

/** Forgets every early request: they were sent for the session that just began or ended. */
export function dropEarlyResponses(): void {
  earlyRequests()?.clear();
}

function earlyRequests(): Map<string, EarlyRequest> | null {
  const requests = (window as unknown as Record<string, unknown>)[EARLY_REQUESTS_GLOBAL];
  return requests instanceof Map ? (requests as Map<string, EarlyRequest>) : null;
}
