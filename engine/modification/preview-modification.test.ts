import { describe, expect, it } from 'vitest';
import type { ActivityInstanceTree } from '../engine-api';
import { ProcessEngine } from '../process-engine';
import type { InstructionDtoInput } from './modification-request';
import { toModificationInstructions } from './modification-request';
import { previewModification } from './preview-modification';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="order" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
    <parallelGateway id="fork"/>
    <sequenceFlow id="f2" sourceRef="fork" targetRef="sub"/>
    <sequenceFlow id="f3" sourceRef="fork" targetRef="ship"/>
    <subProcess id="sub">
      <startEvent id="subStart"/>
      <sequenceFlow id="s1" sourceRef="subStart" targetRef="pick"/>
      <userTask id="pick"/>
      <sequenceFlow id="s2" sourceRef="pick" targetRef="subEnd"/>
      <endEvent id="subEnd"/>
    </subProcess>
    <userTask id="ship"/>
    <sequenceFlow id="f4" sourceRef="sub" targetRef="join"/>
    <sequenceFlow id="f5" sourceRef="ship" targetRef="join"/>
    <parallelGateway id="join"/>
    <sequenceFlow id="f6" sourceRef="join" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

function shape(tree: ActivityInstanceTree): string {
  const children = tree.childActivityInstances.map(shape).sort();
  const name = tree.parentActivityInstanceId === null ? 'root' : tree.activityId;
  return children.length > 0 ? `${name}[${children.join(', ')}]` : name;
}

async function scenario(instructions: InstructionDtoInput[]) {
  const engine = new ProcessEngine();
  const { definitions } = await engine.deploy({
    name: 'p',
    resources: [{ name: 'p.bpmn', content: XML }],
  });
  const definition = definitions[0];
  if (!definition) {
    throw new Error('not deployed');
  }
  const id = engine.startProcessInstance(definition.id, {}).id;
  const tree = engine.activityInstanceTree(id);
  if (!tree) {
    throw new Error('no tree');
  }
  const preview = await previewModification({
    xml: XML,
    processDefinitionId: definition.id,
    processDefinitionKey: 'order',
    tree,
    body: { instructions },
  });
  let actual: string;
  try {
    engine.modifyProcessInstance(
      id,
      toModificationInstructions(instructions, 'processInstance'),
      {},
    );
    const after = engine.activityInstanceTree(id);
    actual = after ? shape(after) : `ended ${engine.historicProcessInstance(id)?.state ?? ''}`;
  } catch (error) {
    actual = `error ${(error as Error).message}`;
  }
  const predicted = !preview.ok
    ? `error ${preview.error.message}`
    : preview.ended
      ? `ended ${preview.state}`
      : shape(preview.tree);
  return { predicted, actual };
}

describe('previewModification', () => {
  it.each<[string, InstructionDtoInput[]]>([
    [
      'move within the subprocess',
      [
        { type: 'cancel', activityId: 'ship' },
        { type: 'startBeforeActivity', activityId: 'pick' },
      ],
    ],
    ['start on a flow', [{ type: 'startTransition', transitionId: 'f5' }]],
    [
      'cancel everything',
      [
        { type: 'cancel', activityId: 'ship' },
        { type: 'cancel', activityId: 'pick' },
      ],
    ],
    ['an unknown element', [{ type: 'startBeforeActivity', activityId: 'nope' }]],
    ['start after with several flows', [{ type: 'startAfterActivity', activityId: 'fork' }]],
  ])('predicts exactly what the engine does: %s', async (_name, instructions) => {
    const { predicted, actual } = await scenario(instructions);
    expect(predicted).toBe(actual);
  });

  it('reports the status the REST API would answer', async () => {
    const engine = new ProcessEngine();
    const { definitions } = await engine.deploy({
      name: 'p',
      resources: [{ name: 'p.bpmn', content: XML }],
    });
    const id = engine.startProcessInstance(definitions[0]?.id ?? '', {}).id;
    const result = await previewModification({
      xml: XML,
      processDefinitionId: definitions[0]?.id ?? '',
      processDefinitionKey: 'order',
      tree: engine.activityInstanceTree(id) as ActivityInstanceTree,
      body: { instructions: [{ type: 'startBeforeActivity', activityId: 'nope' }] },
    });
    expect(result).toMatchObject({ ok: false, error: { status: 400, type: 'NotValidException' } });
  });

  it("refuses a body the REST layer would refuse, with the REST layer's answer", async () => {
    const engine = new ProcessEngine();
    const { definitions } = await engine.deploy({
      name: 'p',
      resources: [{ name: 'p.bpmn', content: XML }],
    });
    const id = engine.startProcessInstance(definitions[0]?.id ?? '', {}).id;
    const result = await previewModification({
      xml: XML,
      processDefinitionId: definitions[0]?.id ?? '',
      processDefinitionKey: 'order',
      tree: engine.activityInstanceTree(id) as ActivityInstanceTree,
      body: {
        instructions: [
          {
            type: 'startBeforeActivity',
            activityId: 'ship',
            variables: { due: { value: 'tomorrow', type: 'Date' } },
          },
        ],
      },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        status: 400,
        type: 'InvalidRequestException',
        message: "Cannot convert value 'tomorrow' of type 'Date' to java type java.util.Date",
      },
    });
  });
});
