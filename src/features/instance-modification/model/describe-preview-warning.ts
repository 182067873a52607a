/**
 * The preview's warnings in the operator's words. The engine says what it found
 * (engine/modification/predicted-warnings.ts); this says what it means for the instance.
 */
import type { PlanWarning } from '../../../modification/model/preview';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { capitalize, elementLabel, getSequenceFlow } from '../../../modification/model/bpmn-index';

export interface WarningText {
  title: string;
  subtitle: string;
}

const END_STATES: Record<string, string> = {
  COMPLETED: 'it completes, as if its last token had reached an end event',
  EXTERNALLY_TERMINATED: 'it is cancelled, with no token left',
  INTERNALLY_TERMINATED: 'it is terminated',
};

export function describePreviewWarning(warning: PlanWarning, index: BpmnIndex): WarningText {
  switch (warning.kind) {
    case 'instanceEnds':
      return {
        title: 'The process instance would end',
        subtitle: `After this modification ${END_STATES[warning.state] ?? 'it ends'} (${warning.state}). Nothing can be modified afterwards.`,
      };
    case 'joinWaitsForever': {
      const arrivals =
        warning.waiting === 0
          ? 'A token would arrive there'
          : `${warning.waiting} token${warning.waiting === 1 ? ' waits' : 's wait'} there`;
      const sources = warning.unreachableFlowIds.map((flowId) => describeFlow(index, flowId));
      return {
        title: `${capitalize(elementLabel(index, warning.joinId))} would wait forever`,
        subtitle: `${arrivals}, but no token can come any more ${joinWords(sources)}. A parallel join goes on only once as many tokens have arrived as it has incoming flows.`,
      };
    }
    case 'tokenCannotFinish':
      return {
        title: `The new token at ${elementLabel(index, warning.activityId)} could never finish`,
        subtitle:
          'No path leads from it to an end of its scope: it would stay in the instance until someone cancels it.',
      };
  }
}

/** `from 'Ship order'`, or `along 'late' from 'Ship order'` for a named flow. */
function describeFlow(index: BpmnIndex, flowId: string): string {
  const flow = getSequenceFlow(index, flowId);
  if (flow === undefined) {
    return `along ${elementLabel(index, flowId)}`;
  }
  const source = `from ${elementLabel(index, flow.sourceRef)}`;
  return flow.name === null ? source : `along '${flow.name}' ${source}`;
}

function joinWords(parts: string[]): string {
  if (parts.length <= 1) {
    return parts.join('');
  }
  return `${parts.slice(0, -1).join(', ')} or ${parts.at(-1) ?? ''}`;
}
