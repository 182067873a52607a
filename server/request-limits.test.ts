import { describe, expect, it } from 'vitest';
import { ProcessEngine } from '../engine/process-engine';
import { createApp } from './app';
import { parseByteSize } from './request-limits';

const BASE = 'http://localhost/engine-rest';
const AUTH = `Basic ${btoa('demo:demo')}`;
const JSON_TYPE = 'application/json';

const TASK = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="wait" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

function appWith(maxBodyBytes?: number) {
  return createApp({ engine: new ProcessEngine(), consoleDir: null, maxBodyBytes });
}

type App = ReturnType<typeof appWith>;

function post(app: App, path: string, init: { body?: BodyInit; type?: string; auth?: boolean }) {
  const headers = new Headers();
  if (init.auth !== false) {
    headers.set('Authorization', AUTH);
  }
  if (init.type !== undefined) {
    headers.set('Content-Type', init.type);
  }
  return app.request(`${BASE}${path}`, {
    method: 'POST',
    headers,
    body: init.body,
    duplex: init.body instanceof ReadableStream ? 'half' : undefined,
  } as RequestInit);
}

function deploymentForm(): FormData {
  const form = new FormData();
  form.append('data', new Blob([TASK]), 'wait.bpmn');
  return form;
}

async function startInstance(app: App): Promise<string> {
  expect((await post(app, '/deployment/create', { body: deploymentForm() })).status).toBe(200);
  const started = await post(app, '/process-definition/key/wait/start', {
    body: '{}',
    type: JSON_TYPE,
  });
  return ((await started.json()) as { id: string }).id;
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A body stream without Content-Length, as a chunked upload arrives. */
function chunked(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunks) {
        controller.close();
      } else {
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
      }
    },
  });
}

describe('media types (JAX-RS @Consumes)', () => {
  const UNSUPPORTED = {
    type: 'NotSupportedException',
    message: 'HTTP 415 Unsupported Media Type',
    code: null,
  };

  it.each([
    ['text/plain', '{"processDefinitionId":"x","instructions":[]}'],
    ['application/x-www-form-urlencoded', 'processDefinitionId=x'],
    ['multipart/form-data; boundary=b', '--b--'],
    [undefined, '{"processDefinitionId":"x","instructions":[]}'],
    [undefined, undefined],
  ])('answers a JSON resource 415 for %s', async (type, body) => {
    const response = await post(appWith(), '/modification/execute', { type, body });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual(UNSUPPORTED);
  });

  it('reads application/json with a charset', async () => {
    const response = await post(appWith(), '/message', {
      type: 'application/json; charset=UTF-8',
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'No message name supplied' });
  });

  it('answers deployment create 415 for anything but multipart/form-data', async () => {
    const response = await post(appWith(), '/deployment/create', {
      type: JSON_TYPE,
      body: '{}',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual(UNSUPPORTED);
  });

  it('keeps resources that consume no body working without a Content-Type', async () => {
    const response = await post(appWith(), '/job/no-such-job/execute', {});
    expect(response.status).toBe(404);
  });
});

describe('body size limit', () => {
  it('answers 413 when Content-Length is over the limit', async () => {
    const response = await post(appWith(1024), '/modification/execute', {
      type: JSON_TYPE,
      body: JSON.stringify({ padding: 'x'.repeat(2048) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      type: 'InvalidRequestException',
      message: 'The request body is larger than this server accepts (1 KiB)',
      code: null,
    });
  });

  it('answers 413 for a chunked body once it passes the limit', async () => {
    const response = await post(appWith(1024), '/modification/execute', {
      type: JSON_TYPE,
      body: chunked(64, 256),
    });
    expect(response.status).toBe(413);
  });

  it('bounds deployment uploads too', async () => {
    const form = new FormData();
    form.append('data', new Blob([TASK, ' '.repeat(4096)]), 'wait.bpmn');
    expect((await post(appWith(1024), '/deployment/create', { body: form })).status).toBe(413);
  });

  it('asks for credentials before it reads a body', async () => {
    const response = await post(appWith(1024), '/modification/execute', {
      type: JSON_TYPE,
      body: 'x'.repeat(4096),
      auth: false,
    });
    expect(response.status).toBe(401);
  });

  it('reads sizes with units', () => {
    expect(parseByteSize('10mb')).toBe(10 * 1024 * 1024);
    expect(parseByteSize('64 KiB')).toBe(64 * 1024);
    expect(parseByteSize('0')).toBeNull();
    expect(parseByteSize('-1')).toBeNull();
  });
});

describe('JSON nesting depth', () => {
  it('refuses a 100,000-deep variable when it is written, so reading stays possible', async () => {
    const app = appWith();
    const id = await startInstance(app);
    const response = await app.request(`${BASE}/process-instance/${id}/variables/deep`, {
      method: 'PUT',
      headers: { Authorization: AUTH, 'Content-Type': JSON_TYPE },
      body: `{"value":${nested(100_000)}}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      type: 'InvalidRequestException',
      message: 'JSON nesting depth exceeds the maximum allowed (1000)',
      code: null,
    });
    const variables = await app.request(`${BASE}/process-instance/${id}/variables`, {
      headers: { Authorization: AUTH },
    });
    expect(variables.status).toBe(200);
    expect(await variables.json()).not.toHaveProperty('deep');
  });

  it('stores and reads a value as deep as Jackson reads', async () => {
    const app = appWith();
    const id = await startInstance(app);
    const put = await app.request(`${BASE}/process-instance/${id}/variables/deep`, {
      method: 'PUT',
      headers: { Authorization: AUTH, 'Content-Type': JSON_TYPE },
      body: `{"value":${nested(999)}}`,
    });
    expect(put.status).toBe(204);
    const read = await app.request(`${BASE}/process-instance/${id}/variables/deep`, {
      headers: { Authorization: AUTH },
    });
    expect(read.status).toBe(200);
  });

  it.each([
    ['Json', {}],
    ['Object', { serializationDataFormat: 'application/json', objectTypeName: 'java.util.List' }],
  ])(
    'refuses %s text nested too deeply, which would be parsed on every read',
    async (type, info) => {
      const app = appWith();
      const id = await startInstance(app);
      const response = await app.request(`${BASE}/process-instance/${id}/variables/deep`, {
        method: 'PUT',
        headers: { Authorization: AUTH, 'Content-Type': JSON_TYPE },
        body: JSON.stringify({ value: nested(100_000), type, valueInfo: info }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        message: expect.stringContaining(
          `Cannot convert value of type '${type}': JSON nesting depth exceeds the maximum allowed (1000)`,
        ) as string,
      });
    },
  );
});
