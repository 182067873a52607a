import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { ProcessInstanceEnded } from './process-instance-ended';
import { buildEndedProcessInstance, PROCESS_INSTANCE_ID } from './test-data-builders';

const HISTORY = buildEndedProcessInstance({
  deleteReason: 'Cancellation due to process instance modification',
  state: 'EXTERNALLY_TERMINATED',
});

describe('ProcessInstanceEnded', () => {
  it('tells the planned end as a success, with its history and the way back, and takes focus', async () => {
    server.use(
      http.get(`${ENGINE_REST_URL}/history/process-instance/${PROCESS_INSTANCE_ID}`, () =>
        HttpResponse.json(HISTORY),
      ),
    );
    const router = createRouter({
      routeTree: createRootRoute({
        component: () => <ProcessInstanceEnded processInstanceId={PROCESS_INSTANCE_ID} />,
      }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    renderWithProviders(<RouterProvider router={router} />);

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('The instance ended as planned');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => {
      expect(status).toHaveTextContent('It ended 2024-05-01 10:00:00 (EXTERNALLY_TERMINATED).');
    });
    expect(screen.getByText(/the operation log below records the modification/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the instances of Order' })).toHaveAttribute(
      'href',
      '/process-definitions/order%3A1%3Adef-1',
    );
    expect(screen.getByRole('group', { name: 'Outcome' })).toHaveFocus();
  });
});
