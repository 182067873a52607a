/**
 * The bridge to the engine's own modification code, which predicts in the browser what a request
 * will do (engine/modification/preview-modification.ts). The engine gets the very body the review
 * dialog sends, as it goes over the wire, and translates it with the code the REST layer runs on
 * it; so a mistake in the body shows in the preview. Only types are imported statically: the
 * engine and its BPMN parser load as a lazy chunk when the first preview runs.
 */
import type { ModificationBodyInput } from '../../../engine/modification/modification-request';
import type { PreviewWarning } from '../../../engine/modification/predicted-warnings';
import type {
  PreviewInput,
  PreviewResult,
} from '../../../engine/modification/preview-modification';
import type { ProcessInstanceModificationDto } from '../../../contract/camunda/modification';
import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import type { VariableInstanceDto } from '../../../contract/camunda/variables';

/** What the engine predicts: the resulting tree or the end of the instance with warnings, or the error. */
export type PlanPreview = PreviewResult;

/** What the predicted state means: the instance ends, a join waits forever, a token is stuck. */
export type PlanWarning = PreviewWarning;

export interface PreviewRequest {
  xml: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  /** The instance as it is now: the body is applied to this. */
  tree: ActivityInstanceDto;
  /** `GET /variable-instance?processInstanceIdIn=…`: conditions and mappings may read them. */
  variables: readonly VariableInstanceDto[];
  /** The body of `POST /process-instance/{id}/modification`, exactly as it will be sent. */
  body: ProcessInstanceModificationDto;
}

/** Runs the engine's preview; loads the engine chunk on first use. */
export async function runPreview(request: PreviewRequest): Promise<PlanPreview> {
  const { previewModification } = await import('../../../engine/modification/preview-modification');
  return previewModification(toPreviewInput(request));
}

export function toPreviewInput(request: PreviewRequest): PreviewInput {
  return {
    xml: request.xml,
    processDefinitionId: request.processDefinitionId,
    processDefinitionKey: request.processDefinitionKey,
    tree: request.tree,
    variables: request.variables,
    body: asSent(request.body),
  };
}

/**
 * The body as the server reads it: `engineRequest` sends `JSON.stringify(body)`, which drops
 * undefined fields and turns what JSON cannot hold (an invalid date's NaN) into null.
 */
function asSent(body: ProcessInstanceModificationDto): ModificationBodyInput {
  return JSON.parse(JSON.stringify(body)) as ModificationBodyInput;
}
