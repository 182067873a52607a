import { QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { createQueryClient } from '../../lib/query-client';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';

import { parseBpmnIndex } from '../../modification/model/bpmn-index';
import { EMPTY_PLAN } from '../../modification/model/instruction';
import type { ModificationPlan } from '../../modification/model/instruction';
import { savePlan } from './model/instance-plan-storage';
import { ModificationPlanProvider } from './modification-plan-provider';
import {
  ORDER_XML,
  PROCESS_DEFINITION_ID,
  PROCESS_DEFINITION_KEY,
  PROCESS_INSTANCE_ID,
  runningOrderTree,
} from '../../modification/testing/modification-fixtures';
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
  const input = {
    xml: ORDER_XML,
    processDefinitionId: PROCESS_DEFINITION_ID,
    processDefinitionKey: PROCESS_DEFINITION_KEY,
    tree: runningOrderTree(),
  };

  /** The providers of the instance page, over the plan saved for the instance. */
  function pageProviders(plan: ModificationPlan) {
    savePlan(PROCESS_INSTANCE_ID, { plan, baseTree: input.tree });
    server.use(http.get(`${ENGINE_REST_URL}/variable-instance`, () => HttpResponse.json([])));
    const queryClient = createQueryClient({ retry: false });
    return ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ModificationPlanProvider processInstanceId={PROCESS_INSTANCE_ID}>
          {children}
        </ModificationPlanProvider>
      </QueryClientProvider>
    );
  }

  function Badges() {
    const { overlays } = useModificationDiagramDecorations(input);
    return overlays.map((overlay) => <div key={overlay.id}>{overlay.render()}</div>);
  }

  it('reads the plan of the provider around it', () => {
    const { result } = renderHook(() => useModificationDiagramDecorations(input), {
      wrapper: pageProviders(movePlan),
    });
    expect(Object.keys(result.current.markers)).toEqual(['ship', 'escalate', 'f6']);
  });

  it('counts a whole multi-instance as the instances the engine predicts, not as 1', async () => {
    render(<Badges />, {
      wrapper: pageProviders({
        ...EMPTY_PLAN,
        instructions: [{ type: 'startBeforeActivity', activityId: 'approve#multiInstanceBody' }],
      }),
    });
    // Until the prediction is there, the count is not known.
    expect(screen.getByRole('img')).toHaveTextContent('+?');
    // The first preview loads the engine chunk and parses the diagram.
    expect(
      await screen.findByRole('img', { name: 'The plan adds 3 tokens' }, { timeout: 10_000 }),
    ).toHaveTextContent('+3');
  });
});
