/**
 * Kills the real server (`tsx server/main.ts`, job executor on) in the middle of a modification
 * batch and starts it again. While the batch runs, every activity instance tree read shows each
 * instance either entirely before or entirely after its modification: one execution job modifies
 * one instance atomically.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchDto, BatchStatisticsDto } from '../contract/camunda/batch';
import type { ActivityInstanceDto, ProcessInstanceDto } from '../contract/camunda/process-instance';
import type { DeploymentWithDefinitionsDto } from '../contract/camunda/repository';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEST_TIMEOUT_MS = 60_000;
const STARTUP_TIMEOUT_MS = 30_000;
const INSTANCES = 300;
const START_CONCURRENCY = 20;
/** Each attempt runs one batch; if it finishes before a partial state was seen, the next reverses it. */
const MAX_ATTEMPTS = 5;
const AUTHORIZATION = `Basic ${btoa('demo:demo')}`;

/** start → userTask a → userTask b → end. */
const A_THEN_B = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <process id="aThenB" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="start" />
    <sequenceFlow id="toA" sourceRef="start" targetRef="a" />
    <userTask id="a" />
    <sequenceFlow id="toB" sourceRef="a" targetRef="b" />
    <userTask id="b" />
    <sequenceFlow id="toEnd" sourceRef="b" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

interface RunningServer {
  child: ChildProcess;
  exited: Promise<void>;
}

const servers: RunningServer[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** Starts the server in its own process group, so one signal reaches npx, tsx and node alike. */
function startServer(port: number): Promise<RunningServer> {
  const child = spawn(
    'npx',
    ['tsx', 'server/main.ts', '--port', String(port), '--no-demo', '--no-console'],
    { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const server = { child, exited };
  servers.push(server);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`));
    }, STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve(server);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${output}`));
    });
  });
}

async function kill(server: RunningServer): Promise<void> {
  const { pid, exitCode, signalCode } = server.child;
  if (pid === undefined || exitCode !== null || signalCode !== null) {
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
  await server.exited;
}

afterAll(async () => {
  await Promise.all(servers.map(kill));
});

function client(port: number) {
  const base = `http://127.0.0.1:${String(port)}/engine-rest`;
  const send = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: AUTHORIZATION,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await send(method, path, body);
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${String(response.status)} ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
  const deploy = async (name: string, xml: string): Promise<DeploymentWithDefinitionsDto> => {
    const form = new FormData();
    form.append('deployment-name', name);
    form.append(name, new Blob([xml], { type: 'text/xml' }), name);
    const response = await fetch(`${base}/deployment/create`, {
      method: 'POST',
      headers: { Authorization: AUTHORIZATION },
      body: form,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as DeploymentWithDefinitionsDto;
  };
  return { send, json, deploy };
}

/** The activity ids directly below the process instance, sorted. */
function tokens(tree: ActivityInstanceDto): string[] {
  expect(tree.childTransitionInstances).toEqual([]);
  return tree.childActivityInstances.map((child) => child.activityId).sort();
}

function move(from: string, to: string) {
  return [
    { type: 'startBeforeActivity', activityId: to },
    { type: 'cancel', activityId: from },
  ];
}

describe('killing the server during a batch', () => {
  it(
    'never shows a half-applied modification, and answers again after a restart',
    async () => {
      const port = await freePort();
      const first = await startServer(port);
      const api = client(port);

      const deployment = await api.deploy('a-then-b.bpmn', A_THEN_B);
      const [definitionId = ''] = Object.keys(deployment.deployedProcessDefinitions ?? {});
      const ids: string[] = [];
      while (ids.length < INSTANCES) {
        const started = await Promise.all(
          Array.from({ length: Math.min(START_CONCURRENCY, INSTANCES - ids.length) }, () =>
            api.json<ProcessInstanceDto>('POST', '/process-definition/key/aThenB/start', {}),
          ),
        );
        ids.push(...started.map((instance) => instance.id));
      }

      /** How often each state was seen in the current attempt. */
      let seen = new Map<string, number>();
      const observe = async (): Promise<void> => {
        const id = ids[Math.floor(Math.random() * ids.length)] ?? '';
        const tree = await api.json<ActivityInstanceDto>(
          'GET',
          `/process-instance/${id}/activity-instances`,
        );
        const state = tokens(tree).join('+');
        // Exactly one token, at a or at b: never both, never none.
        expect(['a', 'b']).toContain(state);
        seen.set(state, (seen.get(state) ?? 0) + 1);
      };

      let killedMidBatch = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !killedMidBatch; attempt++) {
        const [from, to] = attempt % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
        const batch = await api.json<BatchDto>('POST', '/modification/executeAsync', {
          processDefinitionId: definitionId,
          instructions: move(from, to),
          processInstanceIds: ids,
        });
        expect(batch.totalJobs).toBe(INSTANCES);
        seen = new Map();
        for (;;) {
          await Promise.all([observe(), observe(), observe()]);
          const [statistics] = await api.json<BatchStatisticsDto[]>(
            'GET',
            `/batch/statistics?batchId=${batch.id}`,
          );
          if (!statistics || statistics.remainingJobs === 0) {
            break; // Too fast this time: the next attempt moves every token back.
          }
          // Kill once instances before and after their modification were both seen mid-batch.
          if (statistics.completedJobs > 0 && seen.size === 2) {
            await kill(first);
            killedMidBatch = true;
            break;
          }
        }
      }
      expect(killedMidBatch).toBe(true);
      expect(first.child.signalCode).toBe('SIGKILL');

      await startServer(port);
      const version = await api.send('GET', '/version');
      expect(version.status).toBe(200);
      // Persistence is out of scope: the engine keeps its state in memory only, so the restarted
      // server knows none of the old instances or batches.
      const old = await api.send('GET', `/process-instance/${ids[0] ?? ''}`);
      expect(old.status).toBe(404);
      expect(await api.json<BatchDto[]>('GET', '/batch')).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
