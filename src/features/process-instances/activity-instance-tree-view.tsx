import { FeatureFlags, Tag, TreeNode, TreeView } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

import { ErrorNotification } from '../../components/error-notification';
import {
  containsElement,
  findAncestorNodeIds,
  toActivityInstanceTreeItem,
} from './activity-instance-tree';
import type { ActivityInstanceTreeItem } from './activity-instance-tree';
import { formatActivityType } from './format-camunda-name';
import { formatCamundaDate } from '../../lib/camunda-date';
import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import { processInstanceQueries } from '../../api/process-instance-queries';

import './process-instance.scss';

/**
 * Children shown per node before "Show all": a multi-instance activity may run thousands of
 * times, and every tree node costs DOM and a resize observer. Selected nodes always show.
 */
export const TREE_CHILDREN_LIMIT = 50;

const TREE_LABEL = 'Activity instances';
const SHOW_ALL_SUFFIX = '--show-all';

interface ActivityInstanceTreeViewProps {
  processInstanceId: string;
  /** The diagram element whose instances are selected (and revealed), or null. */
  selectedActivityId: string | null;
  /** A node was selected: its diagram element, or null for the process instance itself. */
  onSelectActivity: (activityId: string | null) => void;
}

/**
 * The activity instance tree: where the tokens are, with the activity's type, start time,
 * async waits and incidents. Selecting a node selects its diagram element; selecting an element
 * elsewhere selects all of its instances here and expands the tree down to them.
 */
export function ActivityInstanceTreeView({
  processInstanceId,
  selectedActivityId,
  onSelectActivity,
}: ActivityInstanceTreeViewProps) {
  const {
    data: root,
    error,
    isPending,
  } = useQuery({
    ...processInstanceQueries.activityInstances(processInstanceId),
    select: toActivityInstanceTreeItem,
  });
  // Start times are a bonus: without history (or on an engine that does not serve it) the tree
  // still shows.
  const { data: startTimes } = useQuery({
    ...processInstanceQueries.activityHistory(processInstanceId),
    select: toStartTimes,
  });

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [unlimited, setUnlimited] = useState<ReadonlySet<string>>(() => new Set());
  // Reveals a selection made elsewhere: adjusts state while rendering instead of in an effect,
  // so the tree never paints with the selection hidden.
  const [revealed, setRevealed] = useState<{ selection: string | null; root: unknown }>({
    selection: null,
    root: undefined,
  });
  if (root !== undefined && (revealed.selection !== selectedActivityId || revealed.root !== root)) {
    setRevealed({ selection: selectedActivityId, root });
    if (selectedActivityId !== null) {
      const ancestors = findAncestorNodeIds(root, selectedActivityId);
      if ([...ancestors].some((nodeId) => collapsed.has(nodeId))) {
        setCollapsed(new Set([...collapsed].filter((nodeId) => !ancestors.has(nodeId))));
      }
    }
  }

  const selectedNodeIds = useMemo(
    () => (root === undefined ? [] : findNodeIds(root, selectedActivityId)),
    [root, selectedActivityId],
  );

  if (isPending) {
    return <p className="activity-instance-tree__status">Loading activity instances…</p>;
  }
  if (error !== null) {
    return <ErrorNotification title="The activity instances could not be loaded" error={error} />;
  }

  const handleSelect = (selected: readonly (string | number)[] | undefined) => {
    const nodeId = String(selected?.[0] ?? '');
    if (nodeId.endsWith(SHOW_ALL_SUFFIX)) {
      setUnlimited(new Set([...unlimited, nodeId.slice(0, -SHOW_ALL_SUFFIX.length)]));
      return;
    }
    const item = findItem(root, nodeId);
    if (item !== undefined) {
      onSelectActivity(item.elementId);
    }
  };

  const handleToggle = (nodeId: string, isExpanded: boolean) => {
    const next = new Set(collapsed);
    if (isExpanded) {
      next.delete(nodeId);
    } else {
      next.add(nodeId);
    }
    setCollapsed(next);
  };

  const renderItem = (item: ActivityInstanceTreeItem) => {
    const isLimited = !unlimited.has(item.nodeId) && item.children.length > TREE_CHILDREN_LIMIT;
    const shown = isLimited
      ? item.children.filter(
          (child, index) =>
            index < TREE_CHILDREN_LIMIT ||
            (selectedActivityId !== null && containsElement(child, selectedActivityId)),
        )
      : item.children;
    const hiddenCount = item.children.length - shown.length;
    return (
      <TreeNode
        key={item.nodeId}
        id={item.nodeId}
        // The accessible name is the node's own label, not the text of its whole subtree.
        aria-labelledby={`${item.nodeId}__label`}
        label={<TreeItemLabel item={item} startTime={startTimes?.get(item.instanceId)} />}
        isExpanded={item.children.length > 0 ? !collapsed.has(item.nodeId) : undefined}
        // Controlled (feature flag below): called with the new expansion state alone.
        onToggle={(isExpanded: unknown) => {
          handleToggle(item.nodeId, isExpanded === true);
        }}
      >
        {item.children.length === 0
          ? undefined
          : [
              ...shown.map(renderItem),
              hiddenCount > 0 && (
                <TreeNode
                  key={item.nodeId + SHOW_ALL_SUFFIX}
                  id={item.nodeId + SHOW_ALL_SUFFIX}
                  label={`Show all ${item.children.length.toLocaleString()}…`}
                />
              ),
            ]}
      </TreeNode>
    );
  };

  return (
    <FeatureFlags enableTreeviewControllable>
      <TreeView
        className="activity-instance-tree"
        label={TREE_LABEL}
        hideLabel
        size="xs"
        selected={selectedNodeIds}
        // Never undefined: that would switch Carbon's tree between uncontrolled and controlled.
        active={selectedNodeIds[0] ?? ''}
        onSelect={handleSelect}
      >
        {renderItem(root)}
      </TreeView>
    </FeatureFlags>
  );
}

function TreeItemLabel({
  item,
  startTime,
}: {
  item: ActivityInstanceTreeItem;
  startTime: string | undefined;
}) {
  const details = [formatActivityType(item.activityType)];
  if (startTime !== undefined) {
    details.push(formatCamundaDate(startTime));
  }
  return (
    // The spaces between the parts keep the accessible name readable ("Review order User task").
    <span className="activity-instance-tree__label">
      <span className="activity-instance-tree__name">{item.name}</span>{' '}
      <span className="activity-instance-tree__details">{details.join(' · ')}</span>
      {item.kind === 'transition' && (
        <>
          {' '}
          <Tag type="warm-gray" size="sm">
            waiting (async)
          </Tag>
        </>
      )}
      {item.incidentCount > 0 && (
        <>
          {' '}
          <Tag type="red" size="sm">
            {item.incidentCount === 1 ? 'incident' : `${item.incidentCount} incidents`}
          </Tag>
        </>
      )}
    </span>
  );
}

function toStartTimes(history: HistoricActivityInstanceDto[]): Map<string, string> {
  return new Map(history.map((instance) => [instance.id, instance.startTime]));
}

function findNodeIds(root: ActivityInstanceTreeItem, elementId: string | null): string[] {
  if (elementId === null) {
    return [];
  }
  const nodeIds: string[] = [];
  const visit = (item: ActivityInstanceTreeItem) => {
    if (item.elementId === elementId) {
      nodeIds.push(item.nodeId);
    }
    item.children.forEach(visit);
  };
  visit(root);
  return nodeIds;
}

function findItem(
  item: ActivityInstanceTreeItem,
  nodeId: string,
): ActivityInstanceTreeItem | undefined {
  if (item.nodeId === nodeId) {
    return item;
  }
  for (const child of item.children) {
    const found = findItem(child, nodeId);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}
