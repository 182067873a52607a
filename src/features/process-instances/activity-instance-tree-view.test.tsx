import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { ActivityInstanceTreeView } from './activity-instance-tree-view';
import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import {
  buildActivityInstance,
  buildHistoricActivityInstance,
  buildProcessInstanceTree,
  buildTransitionInstance,
  PROCESS_INSTANCE_ID,
} from './test-data-builders';

const TREE = buildProcessInstanceTree(
  [
    buildActivityInstance({ id: 'review-1', activityId: 'review', activityName: 'Review order' }),
    buildActivityInstance({
      id: 'body-1',
      activityId: 'stock#multiInstanceBody',
      activityType: 'multiInstanceBody',
      activityName: 'Stock check',
      childActivityInstances: [
        buildActivityInstance({
          id: 'stock-1',
          activityId: 'stock',
          activityType: 'subProcess',
          activityName: 'Stock check',
          childActivityInstances: [
            buildActivityInstance({
              id: 'check-1',
              activityId: 'checkStock',
              activityName: 'Check stock',
            }),
          ],
        }),
      ],
    }),
  ],
  [
    buildTransitionInstance({
      id: 'charge-1',
      activityId: 'charge',
      activityName: 'Charge card',
      incidentIds: ['incident-1'],
      incidents: [{ id: 'incident-1', activityId: 'charge' }],
    }),
  ],
);

function serve(tree: ActivityInstanceDto, history: HistoricActivityInstanceDto[] | null = []) {
  server.use(
    http.get(`${ENGINE_REST_URL}/process-instance/${PROCESS_INSTANCE_ID}/activity-instances`, () =>
      HttpResponse.json(tree),
    ),
    http.get(`${ENGINE_REST_URL}/history/activity-instance`, () =>
      history === null
        ? HttpResponse.json({ type: 'NotFoundException', message: 'Not found' }, { status: 404 })
        : HttpResponse.json(history),
    ),
  );
}

describe('ActivityInstanceTreeView', () => {
  it('shows every instance with its type, async waits and incidents, even without history', async () => {
    serve(TREE, null);

    renderWithProviders(
      <ActivityInstanceTreeView
        processInstanceId={PROCESS_INSTANCE_ID}
        selectedActivityId={null}
        onSelectActivity={vi.fn()}
      />,
    );

    const tree = await screen.findByRole('tree', { name: 'Activity instances' });
    const items = within(tree).getAllByRole('treeitem');
    const names = [
      'Order Process instance',
      'Review order User task',
      'Stock check Multi-instance body',
      'Stock check Subprocess',
      'Check stock User task',
      'Charge card Service task waiting (async) incident',
    ];
    expect(items).toHaveLength(names.length);
    names.forEach((name, index) => {
      expect(items[index]).toHaveAccessibleName(name);
    });
  });

  it('reports the diagram element of the node selected, and null for the process instance', async () => {
    serve(TREE);
    const handleSelectActivity = vi.fn();
    const { user } = renderWithProviders(
      <ActivityInstanceTreeView
        processInstanceId={PROCESS_INSTANCE_ID}
        selectedActivityId={null}
        onSelectActivity={handleSelectActivity}
      />,
    );

    await user.click(await screen.findByText('Check stock'));
    expect(handleSelectActivity).toHaveBeenLastCalledWith('checkStock');

    // The multi-instance body is drawn as its activity.
    await user.click(screen.getByText('Multi-instance body'));
    expect(handleSelectActivity).toHaveBeenLastCalledWith('stock');

    await user.click(screen.getByText('Order'));
    expect(handleSelectActivity).toHaveBeenLastCalledWith(null);
  });

  it('selects every instance of the element chosen elsewhere, expanding the tree down to them', async () => {
    serve(TREE, [
      buildHistoricActivityInstance({
        id: 'check-1',
        activityId: 'checkStock',
        startTime: '2024-05-01T09:30:00.000+0000',
      }),
    ]);
    const { user, rerender } = renderWithProviders(
      <ActivityInstanceTreeView
        processInstanceId={PROCESS_INSTANCE_ID}
        selectedActivityId={null}
        onSelectActivity={vi.fn()}
      />,
    );
    const body = await screen.findByRole('treeitem', { name: /Multi-instance body/ });
    // Collapse the multi-instance body with the keyboard.
    body.focus();
    await user.keyboard('{ArrowLeft}');
    expect(body).toHaveAttribute('aria-expanded', 'false');

    rerender(
      <ActivityInstanceTreeView
        processInstanceId={PROCESS_INSTANCE_ID}
        selectedActivityId="stock"
        onSelectActivity={vi.fn()}
      />,
    );

    expect(body).toHaveAttribute('aria-expanded', 'true');
    expect(body).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('treeitem', { name: /Subprocess/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('treeitem', { name: /Check stock/ })).toHaveAttribute(
      'aria-selected',
      'false',
    );
    // The start time came from the history.
    expect(screen.getByRole('treeitem', { name: /Check stock/ })).toHaveTextContent('2024');
  });
});
