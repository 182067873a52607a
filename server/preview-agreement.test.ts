/**
 * The console's preview is the engine's truth: for random plans over random instance states, the
 * preview's prediction from what the REST API reports (definition XML, activity instance tree,
 * variable instances) and the request body equals what the REST API does with that same body:
 * the same tree (activity ids, nesting, transition instances; generated ids aside), the same end
 * state, or the same refusal.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityInstanceTree } from '../engine/engine-api';
import { parseBpmn } from '../engine/model/parse-bpmn';
import type { InstructionDtoInput } from '../engine/modification/modification-request';
import { previewModification } from '../engine/modification/preview-modification';
import type { PreviewResult } from '../engine/modification/preview-modification';
import type { ExceptionDto } from '../contract/camunda/common';
import type { HistoricProcessInstanceDto } from '../contract/camunda/history';
import type { ProcessInstanceModificationDto } from '../contract/camunda/modification';
import type { ProcessDefinitionDto } from '../contract/camunda/repository';
import type { VariableInstanceDto } from '../contract/camunda/variables';
import type { TestApp } from './testing/test-app';
import { createTestApp } from './testing/test-app';

interface Fixture {
  file: string;
  key: string;
  /** Messages the instance may receive while its state is being set up. */
  messages: string[];
}

const FIXTURES: Fixture[] = [
  { file: 'parallel-exclusive.bpmn', key: 'agreeParallel', messages: [] },
  { file: 'scopes-events.bpmn', key: 'agreeScopes', messages: ['escalate', 'abort', 'note'] },
  { file: 'multi-instance.bpmn', key: 'agreeMulti', messages: [] },
];

/** Runs per shape; together they stay well within a few seconds. */
const RUNS_PER_FIXTURE = 200;

const BODY_SUFFIX = '#multiInstanceBody';

/** Something that happens to the instance before the plan is made. */
type SetupStep =
  | { kind: 'startBefore' | 'completeTask' | 'executeJob' | 'correlate' | 'cancel'; pick: number }
  | { kind: 'none' };

/** An instruction, with picks that become ids once the instance's state is known. */
interface InstructionChoice {
  kind:
    | 'cancelInstance'
    | 'cancelTransition'
    | 'cancelActivity'
    | 'startBeforeActivity'
    | 'startAfterActivity'
    | 'startTransition';
  pick: number;
  ancestor: number | undefined;
  variable: Record<string, unknown> | undefined;
}

/** Mostly what moves tokens on (tasks, jobs), so that joins and later scopes get their turn. */
const setupStep: fc.Arbitrary<SetupStep> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('completeTask' as const), pick: fc.nat() }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('executeJob' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('startBefore' as const, 'correlate' as const, 'cancel' as const),
      pick: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
);

/** Mostly plans Camunda accepts, some it refuses (an unknown ancestor, a value of the wrong type). */
const instructionChoice: fc.Arbitrary<InstructionChoice> = fc.record({
  kind: fc.constantFrom(
    'cancelInstance' as const,
    'cancelTransition' as const,
    'cancelActivity' as const,
    'startBeforeActivity' as const,
    'startAfterActivity' as const,
    'startTransition' as const,
  ),
  pick: fc.nat(),
  ancestor: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.nat() },
  ),
  variable: fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    {
      weight: 4,
      arbitrary: fc.record({
        value: fc.integer({ min: 0, max: 10 }),
        type: fc.constant('Integer'),
        local: fc.boolean(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constant({ value: '2024-05-01T10:00:00.000+0200', type: 'Date', local: true }),
    },
    { weight: 1, arbitrary: fc.constant({ value: 'many', type: 'Integer' }) },
    { weight: 1, arbitrary: fc.constant({ value: '2024-05-01', type: 'Date' }) },
  ),
});

interface Shape {
  fixture: Fixture;
  app: TestApp;
  xml: string;
  definitionId: string;
  /** Activity ids, multi-instance bodies included, and one the model does not have. */
  elementIds: string[];
  flowIds: string[];
}

async function deployShape(fixture: Fixture): Promise<Shape> {
  const xml = readFileSync(
    new URL(`./testing/preview-agreement/${fixture.file}`, import.meta.url),
    'utf8',
  );
  const app = createTestApp();
  await app.deploy(fixture.file, xml);
  const definitions = (await app.request('GET', `/process-definition?key=${fixture.key}`))
    .body as ProcessDefinitionDto[];
  const definitionId = definitions[0]?.id ?? '';
  const model = (await parseBpmn(xml, fixture.file)).processes[0];
  if (model === undefined) {
    throw new Error(`${fixture.file} defines no process`);
  }
  const activities = Object.values(model.activities);
  return {
    fixture,
    app,
    xml,
    definitionId,
    elementIds: [
      ...activities.map((activity) => activity.id),
      ...activities
        .filter((activity) => activity.multiInstance !== null)
        .map((activity) => `${activity.id}${BODY_SUFFIX}`),
      'unknown',
    ],
    flowIds: [...Object.keys(model.sequenceFlows), 'unknown'],
  };
}

function pickOf<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

/** Moves the instance on as its users and jobs would; what the engine refuses is skipped. */
function setUp(shape: Shape, processInstanceId: string, steps: SetupStep[]): void {
  const { engine } = shape.app;
  for (const step of steps) {
    try {
      switch (step.kind) {
        case 'startBefore': {
          const activityId = pickOf(shape.elementIds, step.pick) ?? '';
          engine.modifyProcessInstance(
            processInstanceId,
            [{ type: 'startBeforeActivity', activityId }],
            {},
          );
          break;
        }
        case 'cancel': {
          const tree = engine.activityInstanceTree(processInstanceId);
          const token = tree && pickOf(tokensOf(tree).activities, step.pick);
          if (token !== undefined) {
            engine.modifyProcessInstance(
              processInstanceId,
              [{ type: 'cancel', activityInstanceId: token }],
              {},
            );
          }
          break;
        }
        case 'completeTask': {
          const tasks = [...engine.tasks()].filter(
            (task) => task.processInstanceId === processInstanceId,
          );
          const task = pickOf(tasks, step.pick);
          if (task !== undefined) {
            engine.completeTask(task.id, {});
          }
          break;
        }
        case 'executeJob': {
          const jobs = [...engine.jobs()].filter(
            (job) => job.processInstanceId === processInstanceId,
          );
          const job = pickOf(jobs, step.pick);
          if (job !== undefined) {
            engine.executeJob(job.id);
          }
          break;
        }
        case 'correlate': {
          const messageName = pickOf(shape.fixture.messages, step.pick);
          if (messageName !== undefined) {
            engine.correlateMessage({ messageName, processInstanceId });
          }
          break;
        }
        case 'none':
          break;
      }
    } catch {
      // A step the engine refuses in this state leaves the state as it was.
    }
    if (engine.instance(processInstanceId) === undefined) {
      return;
    }
  }
}

function tokensOf(tree: ActivityInstanceTree): { activities: string[]; transitions: string[] } {
  const activities: string[] = [];
  const transitions: string[] = [];
  const visit = (node: ActivityInstanceTree) => {
    for (const child of node.childActivityInstances) {
      activities.push(child.id);
      visit(child);
    }
    transitions.push(...node.childTransitionInstances.map((transition) => transition.id));
  };
  visit(tree);
  return { activities, transitions };
}

function toInstruction(
  shape: Shape,
  tree: ActivityInstanceTree,
  choice: InstructionChoice,
): InstructionDtoInput {
  const { activities, transitions } = tokensOf(tree);
  // Ancestors: the process instance, any activity instance, or an id that is not there.
  const ancestors = [tree.id, ...activities, 'gone'];
  const ancestor =
    choice.ancestor === undefined
      ? {}
      : { ancestorActivityInstanceId: pickOf(ancestors, choice.ancestor) };
  const variables = choice.variable === undefined ? {} : { variables: { x: choice.variable } };
  switch (choice.kind) {
    case 'cancelInstance':
      return { type: 'cancel', activityInstanceId: pickOf(activities, choice.pick) ?? 'gone' };
    case 'cancelTransition': {
      const transition = pickOf(transitions, choice.pick);
      return transition === undefined
        ? { type: 'cancel', activityInstanceId: pickOf(activities, choice.pick) ?? 'gone' }
        : { type: 'cancel', transitionInstanceId: transition };
    }
    case 'cancelActivity':
      return { type: 'cancel', activityId: pickOf(shape.elementIds, choice.pick) };
    case 'startTransition':
      return {
        type: 'startTransition',
        transitionId: pickOf(shape.flowIds, choice.pick),
        ...ancestor,
        ...variables,
      };
    case 'startBeforeActivity':
    case 'startAfterActivity':
      return {
        type: choice.kind,
        activityId: pickOf(shape.elementIds, choice.pick),
        ...ancestor,
        ...variables,
      };
  }
}

/** The tree without generated ids: activity ids, nesting and transition instances, sorted. */
function structure(tree: ActivityInstanceTree): string {
  const children = [
    ...tree.childActivityInstances.map(structure),
    ...tree.childTransitionInstances.map((transition) => `async ${transition.activityId}`),
  ].sort();
  const name = tree.parentActivityInstanceId === null ? 'process' : tree.activityId;
  return children.length === 0 ? name : `${name}[${children.join(', ')}]`;
}

type Outcome =
  | { kind: 'running'; tree: string }
  | { kind: 'ended'; state: string }
  | { kind: 'refused'; status: number; type: string; message: string };

function predicted(result: PreviewResult): Outcome {
  if (!result.ok) {
    return { kind: 'refused', ...result.error };
  }
  return result.ended
    ? { kind: 'ended', state: result.state }
    : { kind: 'running', tree: structure(result.tree) };
}

async function applied(
  shape: Shape,
  processInstanceId: string,
  body: ProcessInstanceModificationDto,
): Promise<Outcome> {
  const { request } = shape.app;
  const response = await request('POST', `/process-instance/${processInstanceId}/modification`, {
    json: body,
  });
  if (response.status !== 204) {
    const error = response.body as ExceptionDto;
    return { kind: 'refused', status: response.status, type: error.type, message: error.message };
  }
  const history = (await request('GET', `/history/process-instance/${processInstanceId}`))
    .body as HistoricProcessInstanceDto;
  if (history.state !== 'ACTIVE') {
    return { kind: 'ended', state: history.state };
  }
  const tree = (await request('GET', `/process-instance/${processInstanceId}/activity-instances`))
    .body as ActivityInstanceTree;
  return { kind: 'running', tree: structure(tree) };
}

describe('the preview agrees with the engine behind the REST API', () => {
  it.each(FIXTURES)('$file: random plans over random states', async (fixture) => {
    const shape = await deployShape(fixture);
    const { request, start } = shape.app;
    await fc.assert(
      fc.asyncProperty(
        fc.array(setupStep, { maxLength: 8 }),
        fc.array(instructionChoice, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10 }),
        async (steps, choices, skipIoMappings, x) => {
          const id = await start(fixture.key, {
            variables: { x: { value: x, type: 'Integer' } },
          });
          setUp(shape, id, steps);
          const treeResponse = await request('GET', `/process-instance/${id}/activity-instances`);
          if (treeResponse.status !== 200) {
            // The setup ended the instance: nothing left to modify.
            return;
          }
          const tree = treeResponse.body as ActivityInstanceTree;
          const variables = (
            await request(
              'GET',
              `/variable-instance?processInstanceIdIn=${id}&deserializeValues=false`,
            )
          ).body as VariableInstanceDto[];
          const body = {
            instructions: choices.map((choice) => toInstruction(shape, tree, choice)),
            skipCustomListeners: false,
            skipIoMappings,
          } as ProcessInstanceModificationDto;

          const prediction = predicted(
            await previewModification({
              xml: shape.xml,
              processDefinitionId: shape.definitionId,
              processDefinitionKey: fixture.key,
              tree,
              variables,
              // As the console sends it: JSON, where undefined fields disappear.
              body: JSON.parse(JSON.stringify(body)) as ProcessInstanceModificationDto,
            }),
          );
          expect(prediction, JSON.stringify({ tree: structure(tree), body })).toEqual(
            await applied(shape, id, body),
          );
        },
      ),
      { numRuns: RUNS_PER_FIXTURE },
    );
  });
});
