import { render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { parseBpmnIndex } from './model/bpmn-index';
import { EMPTY_PLAN } from './model/modification-plan';
import type { ModificationPlan } from './model/modification-plan';
import { savePlan } from './model/plan-storage';
import { ModificationPlanProvider } from './modification-plan-provider';
import {
  ORDER_XML,
  PROCESS_DEFINITION_KEY,
  PROCESS_INSTANCE_ID,
  runningOrderTree,
} from './testing/modification-fixtures';
import {
  MODIFICATION_SOURCE_MARKER,
  MODIFICATION_TARGET_MARKER,
  modificationDiagramDecorations,
  useModificationDiagramDecorations,
} from './use-modification-diagram-decorations';

const index = parseBpmnIndex(ORDER_XML, PROCESS_DEFINITION_KEY);
const movePlan: ModificationPlan = {
  ...EMPTY_PLAN,
  instructions: [
    { type: 'cancel', activityId: 'ship' },
    { type: 'startBeforeActivity', activityId: 'escalate' },
    { type: 'startTransition', transitionId: 'f6' },
  ],
};

afterEach(() => {
  localStorage.clear();
});

describe('modificationDiagramDecorations', () => {
  it('marks sources and targets and puts a badge on each element the plan touches', () => {
    const { markers, overlays } = modificationDiagramDecorations(
      movePlan,
      runningOrderTree(),
      index,
      null,
    );
    expect(markers).toEqual({
      ship: [MODIFICATION_SOURCE_MARKER],
      escalate: [MODIFICATION_TARGET_MARKER],
      f6: [MODIFICATION_TARGET_MARKER],
    });
    expect(overlays.map(({ id, elementId }) => [id, elementId])).toEqual([
      ['modification-badge-ship', 'ship'],
      ['modification-badge-escalate', 'escalate'],
      ['modification-badge-f6', 'f6'],
    ]);
    render(
      <>
        {overlays.map((overlay) => (
          <div key={overlay.id}>{overlay.render()}</div>
        ))}
      </>,
    );
    expect(screen.getByRole('img', { name: 'The plan cancels 1 token' })).toHaveTextContent('−1');
    expect(screen.getAllByRole('img', { name: 'The plan adds 1 token' })).toHaveLength(2);
  });

  it('puts a flow’s badge on its line and an activity’s above its corner', () => {
    const { overlays } = modificationDiagramDecorations(movePlan, runningOrderTree(), index, null);
    expect(
      Object.fromEntries(overlays.map(({ elementId, position }) => [elementId, position])),
    ).toEqual({
      ship: { top: -10, right: 14 },
      escalate: { top: -10, right: 14 },
      f6: 'path-middle',
    });
  });

  it('marks the source of a move that waits for its target', () => {
    const { markers, overlays } = modificationDiagramDecorations(
      EMPTY_PLAN,
      runningOrderTree(),
      index,
      { activityId: 'ship' },
    );
    expect(markers).toEqual({ ship: [MODIFICATION_SOURCE_MARKER] });
    expect(overlays).toEqual([]);
  });
});

describe('useModificationDiagramDecorations', () => {
  it('reads the plan of the provider around it', () => {
    savePlan(PROCESS_INSTANCE_ID, { plan: movePlan, baseTree: runningOrderTree() });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ModificationPlanProvider processInstanceId={PROCESS_INSTANCE_ID}>
        {children}
      </ModificationPlanProvider>
    );
    const { result } = renderHook(
      () =>
        useModificationDiagramDecorations({
          xml: ORDER_XML,
          processDefinitionKey: PROCESS_DEFINITION_KEY,
          tree: runningOrderTree(),
        }),
      { wrapper },
    );
    expect(Object.keys(result.current.markers)).toEqual(['ship', 'escalate', 'f6']);
  });
});
