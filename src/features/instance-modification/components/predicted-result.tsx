import { InlineLoading, InlineNotification } from '@carbon/react';

import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { flattenTree } from '../../../modification/model/activity-tree';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { elementLabel } from '../../../modification/model/bpmn-index';
import { describePreviewWarning } from '../model/describe-preview-warning';
import type { PlanWarning } from '../../../modification/model/preview';
import type { PreviewState } from '../use-preview';

export interface PredictedResultProps {
  state: PreviewState;
  index: BpmnIndex;
  /** The tree as it is: instances not in it are marked as new. */
  tree: ActivityInstanceDto;
  /** One line instead of the whole tree. */
  compact?: boolean;
}

/**
 * What the engine predicts for the request: the resulting tokens, the end, or Camunda's error,
 * with warnings about what the result means (the instance ends, a join waits forever, …).
 */
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
    return <PreviewWarnings warnings={preview.warnings} index={index} />;
  }
  const existing = new Set(flattenTree(tree).map((entry) => entry.instance.id));
  const entries = flattenTree(preview.tree).filter((entry) => entry.parentId !== null);
  const added = entries.filter((entry) => !existing.has(entry.instance.id)).length;
  return (
    <>
      {compact ? (
        <p role="status">
          Preview: the instance keeps running with {entries.length} activity instance
          {entries.length === 1 ? '' : 's'}, {added} of them new.
        </p>
      ) : (
        <ul className="predicted-tree" aria-label="Predicted activity instances">
          <PredictedNode node={preview.tree} index={index} existing={existing} isRoot />
        </ul>
      )}
      <PreviewWarnings warnings={preview.warnings} index={index} />
    </>
  );
}

/** Carbon warnings, one per finding, in the engine's order. */
function PreviewWarnings({ warnings, index }: { warnings: PlanWarning[]; index: BpmnIndex }) {
  if (warnings.length === 0) {
    return null;
  }
  return (
    <div aria-label="Warnings about the predicted result" role="group">
      {warnings.map((warning, position) => {
        const { title, subtitle } = describePreviewWarning(warning, index);
        return (
          <InlineNotification
            // The engine reports each finding once; its position is its identity.
            key={position}
            kind="warning"
            lowContrast
            hideCloseButton
            role="status"
            title={title}
            subtitle={subtitle}
          />
        );
      })}
    </div>
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
