import { describe, expect, it } from 'vitest';
import type { ManyInstancesModification } from '../engine/batch/modification-batch';
import type { EngineApi, ModificationOptions, StartInput } from '../engine/engine-api';
import type { ModificationInstruction } from '../engine/modification/modification-instruction';
import { ProcessEngine } from '../engine/process-engine';
import { createApp } from './app';

const BASE = 'http://localhost/engine-rest';
const AUTH = `Basic ${btoa('demo:demo')}`;
const JSON_HEADERS = { Authorization: AUTH, 'Content-Type': 'application/json' };

const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="nested" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="sub"/>
    <subProcess id="sub">
      <startEvent id="subStart"/><sequenceFlow id="s1" sourceRef="subStart" targetRef="inner"/>
      <userTask id="inner"/><sequenceFlow id="s2" sourceRef="inner" targetRef="subEnd"/>
      <endEvent id="subEnd"/>
    </subProcess>
    <sequenceFlow id="f2" sourceRef="sub" targetRef="end"/><endEvent id="end"/>
  </process>
</definitions>`;

/** Says when a modification has started, whichever way the route runs it. */
class ObservedEngine extends ProcessEngine {
  private signalStarted: () => void = () => undefined;
  readonly started = new Promise<void>((resolve) => {
    this.signalStarted = resolve;
  });

  override modifyProcessInstance(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): void {
    this.signalStarted();
    super.modifyProcessInstance(id, instructions, options);
  }

  override modifyProcessInstanceInTurns(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): Promise<void> {
    this.signalStarted();
    return super.modifyProcessInstanceInTurns(id, instructions, options);
  }

  override startProcessInstance(
    definitionId: string,
    input: StartInput,
  ): ReturnType<EngineApi['startProcessInstance']> {
    if (input.startInstructions?.length) {
      this.signalStarted();
    }
    return super.startProcessInstance(definitionId, input);
  }

  override startProcessInstanceInTurns(
    definitionId: string,
    input: StartInput,
  ): Promise<ReturnType<EngineApi['startProcessInstance']>> {
    if (input.startInstructions?.length) {
      this.signalStarted();
    }
    return super.startProcessInstanceInTurns(definitionId, input);
  }

  override executeModification(input: ManyInstancesModification): void {
    this.signalStarted();
    super.executeModification(input);
  }

  override executeModificationInTurns(input: ManyInstancesModification): Promise<void> {
    this.signalStarted();
    return super.executeModificationInTurns(input);
  }
}

async function deployNested(app: ReturnType<typeof createApp>): Promise<void> {
  const form = new FormData();
  form.append('data', new Blob([NESTED]), 'nested.bpmn');
  await app.request(`${BASE}/deployment/create`, {
    method: 'POST',
    headers: { Authorization: AUTH },
    body: form,
  });
}

async function startNested(app: ReturnType<typeof createApp>): Promise<string> {
  const started = await app.request(`${BASE}/process-definition/key/nested/start`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: '{}',
  });
  return ((await started.json()) as { id: string }).id;
}

/** Sends the request and, once the engine works on it, GET /version; the order they end in. */
async function answerOrder(
  app: ReturnType<typeof createApp>,
  engine: ObservedEngine,
  path: string,
  body: unknown,
): Promise<string[]> {
  const answered: string[] = [];
  const modification = Promise.resolve(
    app.request(`${BASE}${path}`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    }),
  ).then((response) => {
    answered.push(`modification ${String(response.status)}`);
  });
  // Asked once the engine works on the modification: a modification that kept the thread until
  // it was done would be answered first.
  await engine.started;
  const version = Promise.resolve(
    app.request(`${BASE}/version`, { headers: { Authorization: AUTH } }),
  ).then((response) => {
    answered.push(`version ${String(response.status)}`);
  });
  await Promise.all([modification, version]);
  return answered;
}

describe('a long modification request', () => {
  it('leaves the server answering other requests while it runs', async () => {
    // Turns of 0 ms: the modification lets other work run after every instruction.
    const engine = new ObservedEngine({ turnMs: 0 });
    const app = createApp({ engine, consoleDir: null });
    await deployNested(app);
    const id = await startNested(app);
    const instructions = Array.from({ length: 500 }, () => ({
      type: 'startBeforeActivity',
      activityId: 'inner',
    }));
    expect(
      await answerOrder(app, engine, `/process-instance/${id}/modification`, { instructions }),
    ).toEqual(['version 200', 'modification 204']);

    const tree = await app.request(`${BASE}/process-instance/${id}/activity-instances`, {
      headers: { Authorization: AUTH },
    });
    const { childActivityInstances } = (await tree.json()) as {
      childActivityInstances: { childActivityInstances: unknown[] }[];
    };
    expect(childActivityInstances[0]?.childActivityInstances).toHaveLength(501);
  });

  it('over many instances leaves the server answering too', async () => {
    const engine = new ObservedEngine({ turnMs: 0 });
    const app = createApp({ engine, consoleDir: null });
    await deployNested(app);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      ids.push(await startNested(app));
    }
    const definitionId = engine.latestDefinition('nested')?.id;
    expect(
      await answerOrder(app, engine, '/modification/execute', {
        processDefinitionId: definitionId,
        processInstanceIds: ids,
        instructions: [{ type: 'startBeforeActivity', activityId: 'inner' }],
      }),
    ).toEqual(['version 200', 'modification 204']);
    const tasks = await app.request(`${BASE}/task/count`, { headers: { Authorization: AUTH } });
    expect(await tasks.json()).toEqual({ count: 100 });
  });

  it('starting an instance with many start instructions leaves the server answering too', async () => {
    const engine = new ObservedEngine({ turnMs: 0 });
    const app = createApp({ engine, consoleDir: null });
    await deployNested(app);
    const startInstructions = Array.from({ length: 200 }, () => ({
      type: 'startBeforeActivity',
      activityId: 'inner',
    }));
    expect(
      await answerOrder(app, engine, '/process-definition/key/nested/start', { startInstructions }),
    ).toEqual(['version 200', 'modification 200']);
    const tasks = await app.request(`${BASE}/task/count`, { headers: { Authorization: AUTH } });
    expect(await tasks.json()).toEqual({ count: 200 });
  });
});
