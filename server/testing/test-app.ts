/** In-process test access to the REST API: a fresh engine, `app.request()`, Basic auth. */
import type { Hono } from 'hono';
import { ProcessEngine } from '../../engine/process-engine';
import type { HistoryLevel } from '../../engine/runtime/history-level';
import { createApp } from '../app';
import type { Identities } from '../identities';

export const BASE = 'http://localhost/engine-rest';

const DEMO_AUTH = `Basic ${btoa('demo:demo')}`;

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown;
}

export interface RequestOptions {
  json?: unknown;
  form?: FormData;
  /** Authorization header; `null` sends none. Default `demo`/`demo`. */
  authorization?: string | null;
}

export interface TestApp {
  app: Hono;
  engine: ProcessEngine;
  request: (method: string, path: string, options?: RequestOptions) => Promise<TestResponse>;
  /** Deploys one BPMN file through `POST /deployment/create`; returns the response body. */
  deploy: (name: string, xml: string) => Promise<Record<string, unknown>>;
  /** Starts the latest definition of `key`; returns the instance id. */
  start: (key: string, body?: unknown) => Promise<string>;
}

/** The profiles `server/main.ts` takes as flags (`--no-auth`, `--history-level`, …). */
export interface TestAppOptions {
  authentication?: boolean;
  historyLevel?: HistoryLevel;
  enforceHistoryTimeToLive?: boolean;
  /** False: `--no-authorization`. */
  authorizationEnabled?: boolean;
  /** The users file (`--users`); default demo and john. */
  identities?: Identities;
}

export function createTestApp(options: TestAppOptions = {}): TestApp {
  let time = Date.UTC(2024, 0, 15, 10, 30, 0);
  let id = 0;
  const engine = new ProcessEngine({
    clock: () => (time += 1000),
    idGenerator: () => `id-${String(++id)}`,
    historyLevel: options.historyLevel,
    enforceHistoryTimeToLive: options.enforceHistoryTimeToLive,
    authorizationEnabled: options.authorizationEnabled,
  });
  const app = createApp({
    engine,
    consoleDir: null,
    authentication: options.authentication,
    identities: options.identities,
  });

  const request = async (method: string, path: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = {};
    const authorization = options.authorization === undefined ? DEMO_AUTH : options.authorization;
    if (authorization !== null) {
      headers.Authorization = authorization;
    }
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    const response = await app.request(`${BASE}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  };

  const deploy = async (name: string, xml: string) => {
    const form = new FormData();
    form.append('deployment-name', name);
    form.append(name, new Blob([xml], { type: 'text/xml' }), name);
    const response = await request('POST', '/deployment/create', { form });
    if (response.status !== 200) {
      throw new Error(`deploy failed: ${response.text}`);
    }
    return response.body as Record<string, unknown>;
  };

  const start = async (key: string, body: unknown = {}) => {
    const response = await request('POST', `/process-definition/key/${key}/start`, { json: body });
    if (response.status !== 200) {
      throw new Error(`start failed: ${response.text}`);
    }
    return (response.body as { id: string }).id;
  };

  return { app, engine, request, deploy, start };
}

/** A process `key`: start → userTask task1 → userTask task2 → end. */
export function twoTaskProcess(key = 'twoTasks'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <process id="${key}" name="Two tasks" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="start" />
    <sequenceFlow id="flow1" sourceRef="start" targetRef="task1" />
    <userTask id="task1" name="Task 1" />
    <sequenceFlow id="flow2" sourceRef="task1" targetRef="task2" />
    <userTask id="task2" name="Task 2" />
    <sequenceFlow id="flow3" sourceRef="task2" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;
}

/** A process `key`: start → async service task (expression) → userTask task → end. */
export function asyncServiceProcess(key = 'asyncService', expression = '${true}'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <process id="${key}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="start" />
    <sequenceFlow id="flow1" sourceRef="start" targetRef="service" />
    <serviceTask id="service" camunda:asyncBefore="true" camunda:expression="${expression}" />
    <sequenceFlow id="flow2" sourceRef="service" targetRef="task" />
    <userTask id="task" />
    <sequenceFlow id="flow3" sourceRef="task" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;
}
