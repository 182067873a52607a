/**
 * The bridge to the engine's own modification code, which predicts in the browser what the plan
 * will do (engine/modification/preview-modification.ts). Only types are imported statically: the
 * engine and its BPMN parser load as a lazy chunk when the first preview runs.
 */
import type {
  InstructionVariable,
  ModificationInstruction as EngineInstruction,
} from '../../../../engine/engine-api';
import type {
  PreviewInput,
  PreviewResult,
  PreviewVariable,
} from '../../../../engine/modification/preview-modification';
import type { TypedValue, ValueType } from '../../../../engine/variables';
import type { ActivityInstanceDto, VariableInstanceDto } from '../../../api/camunda-dto';
import type { ModificationInstruction, ModificationPlan } from './modification-plan';
import type { PlanVariable } from './plan-variables';
import { parseIsoDateTime } from './plan-variables';

/** What the engine predicts: the resulting tree, the end of the instance, or the error. */
export type PlanPreview = PreviewResult;

export interface PreviewRequest {
  xml: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  tree: ActivityInstanceDto;
  /** `GET /variable-instance?processInstanceIdIn=…`: conditions and mappings may read them. */
  variables: readonly VariableInstanceDto[];
  plan: ModificationPlan;
}

/** Runs the engine's preview; loads the engine chunk on first use. */
export async function runPreview(request: PreviewRequest): Promise<PlanPreview> {
  const { previewModification } =
    await import('../../../../engine/modification/preview-modification');
  return previewModification(toPreviewInput(request));
}

export function toPreviewInput(request: PreviewRequest): PreviewInput {
  return {
    xml: request.xml,
    processDefinitionId: request.processDefinitionId,
    processDefinitionKey: request.processDefinitionKey,
    tree: request.tree,
    variables: toPreviewVariables(request.variables),
    instructions: request.plan.instructions.map(toEngineInstruction),
    skipCustomListeners: request.plan.skipCustomListeners,
    skipIoMappings: request.plan.skipIoMappings,
  };
}

/** The plan's instruction as the engine takes it: variables as typed values, dates as epoch ms. */
export function toEngineInstruction(instruction: ModificationInstruction): EngineInstruction {
  if (instruction.type === 'cancel') {
    if (instruction.activityInstanceId !== undefined) {
      return { type: 'cancel', activityInstanceId: instruction.activityInstanceId };
    }
    if (instruction.transitionInstanceId !== undefined) {
      return { type: 'cancel', transitionInstanceId: instruction.transitionInstanceId };
    }
    return { type: 'cancel', activityId: instruction.activityId };
  }
  const common = {
    ancestorActivityInstanceId: instruction.ancestorActivityInstanceId ?? null,
    variables: Object.fromEntries(
      (instruction.variables ?? []).map((variable): [string, InstructionVariable] => [
        variable.name,
        { value: toEngineTypedValue(variable), local: variable.local },
      ]),
    ),
  };
  return instruction.type === 'startTransition'
    ? { type: 'startTransition', transitionId: instruction.transitionId, ...common }
    : { type: instruction.type, activityId: instruction.activityId, ...common };
}

export function toEngineTypedValue(variable: PlanVariable): TypedValue {
  if (variable.type === 'Date') {
    return { type: 'Date', value: parseIsoDateTime(variable.value), valueInfo: {} };
  }
  return { type: variable.type, value: variable.value, valueInfo: {} };
}

const ENGINE_VALUE_TYPES = new Set<string>([
  'String',
  'Integer',
  'Long',
  'Short',
  'Double',
  'Boolean',
  'Date',
  'Json',
  'Null',
  'Object',
] satisfies ValueType[]);

/**
 * Variable instances as the engine stores them. Types the engine does not know (Bytes, File, Xml)
 * are left out: a preview that needs them fails the way a condition on a missing variable does.
 */
export function toPreviewVariables(variables: readonly VariableInstanceDto[]): PreviewVariable[] {
  return variables.flatMap((variable): PreviewVariable[] => {
    const type = variable.type ?? 'Null';
    if (!ENGINE_VALUE_TYPES.has(type) || variable.activityInstanceId === null) {
      return [];
    }
    return [
      {
        name: variable.name,
        activityInstanceId: variable.activityInstanceId,
        value: {
          type: type as ValueType,
          value: toEngineValue(type, variable.value, variable.valueInfo ?? {}),
          valueInfo: variable.valueInfo ?? {},
        },
      },
    ];
  });
}

function toEngineValue(type: string, value: unknown, valueInfo: Record<string, unknown>): unknown {
  if (type === 'Date' && typeof value === 'string') {
    return parseIsoDateTime(value);
  }
  if (
    type === 'Object' &&
    typeof value === 'string' &&
    valueInfo.serializationDataFormat === 'application/json'
  ) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}
