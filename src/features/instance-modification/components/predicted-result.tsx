import { InlineLoading, InlineNotification } from '@carbon/react';

import type { ActivityInstanceDto } from '../../../api/camunda-dto';
import { flattenTree } from '../model/activity-tree';
import type { BpmnIndex } from '../model/bpmn-index';
import { elementLabel } from '../model/bpmn-index';
import type { PreviewState } from '../use-preview';

export interface PredictedResultProps {
  state: PreviewState;
  index: BpmnIndex;
  /** The tree as it is: instances not in it are marked as new. */
  tree: ActivityInstanceDto;
  /** One line instead of the whole tree. */
  compact?: boolean;
}

const END_STATES: Record<string, string> = {
  COMPLETED: 'it completes',
  EXTERNALLY_TERMINATED: 'it is cancelled',
  INTERNALLY_TERMINATED: 'it is terminated',
};

/** What the engine predicts for the plan: the resulting tokens, the end, or Camunda's error. */
export function PredictedResult({ state, index, tree, compact = false }: PredictedResultProps) {
  const { isPending, preview, failure } = state;
  if (failure !== null) {
    return (
      <p className="modification-workspace__error">The preview could not run: {failure.message}</p>
    );
  }
  if (isPending || preview === undefined) {
    return <InlineLoading description="Predicting the result…" />;
  }
  if (!preview.ok) {
    const { type, status, message } = preview.error;
    return (
      <InlineNotification
        kind="warning"
        lowContrast
        hideCloseButton
        role="status"
        title="Camunda would refuse this plan"
        subtitle={`${type} (HTTP ${status}): ${message}`}
      />
    );
  }
  if (preview.ended) {
    return (
      <p role="status">
        The process instance ends: {END_STATES[preview.state] ?? preview.state} ({preview.state}).
      </p>
    );
  }
  const existing = new Set(flattenTree(tree).map((entry) => entry.instance.id));
  if (compact) {
    const tokens = flattenTree(preview.tree).filter((entry) => entry.parentId !== null).length;
    const added = flattenTree(preview.tree).filter(
      (entry) => entry.parentId !== null && !existing.has(entry.instance.id),
    ).length;
    return (
      <p role="status">
        Preview: the instance keeps running with {tokens} activity instance
        {tokens === 1 ? '' : 's'}, {added} of them new.
      </p>
    );
  }
  return (
    <ul className="predicted-tree" aria-label="Predicted activity instances">
      <PredictedNode node={preview.tree} index={index} existing={existing} isRoot />
    </ul>
  );
}

function PredictedNode({
  node,
  index,
  existing,
  isRoot = false,
}: {
  node: ActivityInstanceDto;
  index: BpmnIndex;
  existing: ReadonlySet<string>;
  isRoot?: boolean;
}) {
  const hasChildren = node.childActivityInstances.length + node.childTransitionInstances.length > 0;
  return (
    <li>
      {isRoot ? 'Process instance' : elementLabel(index, node.activityId)}
      {!existing.has(node.id) && <span className="predicted-tree__new"> (new)</span>}
      {hasChildren && (
        <ul>
          {node.childActivityInstances.map((child) => (
            <PredictedNode key={child.id} node={child} index={index} existing={existing} />
          ))}
          {node.childTransitionInstances.map((transition) => (
            <li key={transition.id}>
              {elementLabel(index, transition.activityId)} (waiting async continuation)
              {!existing.has(transition.id) && <span className="predicted-tree__new"> (new)</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
