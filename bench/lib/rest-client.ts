/** A minimal client for the Camunda 7 REST API, authenticating every request with HTTP Basic. */
import type { DeploymentWithDefinitionsDto } from '../../contract/camunda/repository';

export interface Credentials {
  user: string;
  password: string;
}

export interface RestClient {
  /** Sends one request and returns the body text; throws on any non-2xx status. */
  send: (method: string, path: string, json?: unknown) => Promise<string>;
  getJson: <T>(path: string) => Promise<T>;
  postJson: <T>(path: string, json: unknown) => Promise<T>;
  /** Deploys one BPMN file through the multipart `POST /deployment/create`. */
  deploy: (fileName: string, xml: string) => Promise<DeploymentWithDefinitionsDto>;
}

export class RestRequestError extends Error {
  constructor(method: string, path: string, status: number, body: string) {
    super(`${method} ${path} answered ${status}: ${body}`);
  }
}

export function createRestClient(restUrl: string, credentials: Credentials): RestClient {
  const authorization = `Basic ${btoa(`${credentials.user}:${credentials.password}`)}`;

  const request = async (method: string, path: string, body?: BodyInit, type?: string) => {
    const headers: Record<string, string> = { Authorization: authorization };
    if (type) {
      headers['Content-Type'] = type;
    }
    const response = await fetch(`${restUrl}${path}`, { method, headers, body });
    const text = await response.text();
    if (!response.ok) {
      throw new RestRequestError(method, path, response.status, text);
    }
    return text;
  };

  const send = (method: string, path: string, json?: unknown) =>
    json === undefined
      ? request(method, path)
      : request(method, path, JSON.stringify(json), 'application/json');

  return {
    send,
    getJson: async <T>(path: string) => JSON.parse(await send('GET', path)) as T,
    postJson: async <T>(path: string, json: unknown) =>
      JSON.parse(await send('POST', path, json)) as T,
    deploy: async (fileName, xml) => {
      const form = new FormData();
      form.append('deployment-name', fileName);
      form.append('deployment-source', 'bench');
      form.append('data', new Blob([xml], { type: 'application/xml' }), fileName);
      return JSON.parse(
        await request('POST', '/deployment/create', form),
      ) as DeploymentWithDefinitionsDto;
    },
  };
}
