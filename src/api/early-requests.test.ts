import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { rememberSession } from './console-session';
import { EARLY_REQUESTS_GLOBAL, INSTANCE_PAGE_PATH, sendEarlyRequests } from './early-requests';
import type { EarlyRequestsConfig } from './early-requests';
import { engineRequest } from './engine-client';
import { DEFAULT_ENGINE_NAME, ENGINE_REST_BASE, ENGINE_STORAGE_KEY } from './engine-constants';
import { storeEngineName } from './engine-selection';

const CONFIG: EarlyRequestsConfig = {
  instancePagePath: INSTANCE_PAGE_PATH.source,
  globalName: EARLY_REQUESTS_GLOBAL,
  engineStorageKey: ENGINE_STORAGE_KEY,
  defaultEngineName: DEFAULT_ENGINE_NAME,
  restBase: ENGINE_REST_BASE,
};

const INSTANCE = { id: 'pi-1', definitionId: 'invoice:2:d-7' };

/**
 * A fake engine: answers every GET (401 while `signedIn` is false), and records what was asked
 * with which credentials.
 */
function stubEngine(state = { signedIn: true }) {
  const requests: {
    url: string;
    authorization: string | null;
    credentials?: RequestCredentials;
  }[] = [];
  const fetchStub = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    requests.push({
      url,
      authorization: new Headers(init?.headers).get('Authorization'),
      credentials: init?.credentials,
    });
    if (!state.signedIn) {
      return Promise.resolve(new Response(null, { status: 401 }));
    }
    const body = new URL(url).pathname.endsWith('/process-instance/pi-1') ? INSTANCE : {};
    return Promise.resolve(Response.json(body));
  });
  vi.stubGlobal('fetch', fetchStub);
  return { requests, fetchStub };
}

const rest = (path: string) => new URL(`${ENGINE_REST_BASE}${path}`, window.location.href).href;

describe('sendEarlyRequests', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/process-instances/pi-1');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(window, EARLY_REQUESTS_GLOBAL);
    window.history.replaceState(null, '', '/');
  });

  it("requests an instance's tree, incidents and data, then its definition and XML", async () => {
    const { requests } = stubEngine();

    sendEarlyRequests(CONFIG);

    await vi.waitFor(() => {
      expect(requests).toHaveLength(5);
    });
    expect(requests.map(({ url }) => url)).toEqual([
      rest('/process-instance/pi-1/activity-instances'),
      rest('/incident?processInstanceId=pi-1'),
      rest('/process-instance/pi-1'),
      rest('/process-definition/invoice%3A2%3Ad-7'),
      rest('/process-definition/invoice%3A2%3Ad-7/xml'),
    ]);
    // The session cookie, and never a password the page would have to hold.
    expect(new Set(requests.map(({ authorization }) => authorization))).toEqual(new Set([null]));
    expect(new Set(requests.map(({ credentials }) => credentials))).toEqual(
      new Set(['same-origin']),
    );
  });

  it('hands each response to the first engineRequest for the same URL', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    const { fetchStub } = stubEngine();
    sendEarlyRequests(CONFIG);
    await vi.waitFor(() => {
      expect(fetchStub).toHaveBeenCalledTimes(5);
    });

    await expect(engineRequest('/process-instance/pi-1')).resolves.toEqual(INSTANCE);
    await engineRequest('/incident', { query: { processInstanceId: 'pi-1' } });
    expect(fetchStub).toHaveBeenCalledTimes(5);

    // Once only: a later read asks the engine again.
    await engineRequest('/process-instance/pi-1');
    expect(fetchStub).toHaveBeenCalledTimes(6);
  });

  it('is not used for other credentials', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    const { fetchStub } = stubEngine();
    sendEarlyRequests(CONFIG);
    await vi.waitFor(() => {
      expect(fetchStub).toHaveBeenCalledTimes(5);
    });

    await engineRequest('/process-instance/pi-1', {
      credentials: { username: 'john', password: 'john' },
    });

    expect(fetchStub).toHaveBeenCalledTimes(6);
  });

  it('asks again for what was refused before the tab signed in, and after signing in', async () => {
    const state = { signedIn: false };
    const { fetchStub } = stubEngine(state);
    sendEarlyRequests(CONFIG);
    await vi.waitFor(() => {
      expect(fetchStub).toHaveBeenCalledTimes(3);
    });
    state.signedIn = true;

    await expect(engineRequest('/process-instance/pi-1')).resolves.toEqual(INSTANCE);
    expect(fetchStub).toHaveBeenCalledTimes(4);

    rememberSession({ userId: 'john', csrfToken: 'csrf-token' });
    await engineRequest('/incident', { query: { processInstanceId: 'pi-1' } });
    expect(fetchStub).toHaveBeenCalledTimes(5);
  });

  it('asks the engine chosen in this tab', async () => {
    storeEngineName('second engine');
    const { requests } = stubEngine();

    sendEarlyRequests(CONFIG);

    await vi.waitFor(() => {
      expect(requests).toHaveLength(5);
    });
    expect(requests[0]?.url).toBe(
      rest('/engine/second%20engine/process-instance/pi-1/activity-instances'),
    );
  });

  it('sends nothing when the tab opens another page', () => {
    const { fetchStub } = stubEngine();
    window.history.replaceState(null, '', '/batches');
    sendEarlyRequests(CONFIG);

    expect(fetchStub).not.toHaveBeenCalled();
  });
});
