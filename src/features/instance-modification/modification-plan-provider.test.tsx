import {
  Link,
  RouterProvider,
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
} from '@tanstack/react-router';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

import { runningOrderTree } from '../../modification/testing/modification-fixtures';
import { ModificationPlanProvider } from './modification-plan-provider';
import { useModificationPlan } from './use-modification-plan';

afterEach(() => {
  localStorage.clear();
});

function AddCancel() {
  const { dispatch, plan } = useModificationPlan();
  return (
    <button
      type="button"
      onClick={() => {
        dispatch({
          type: 'add',
          instructions: [{ type: 'cancel', activityId: 'ship' }],
          tree: runningOrderTree(),
        });
      }}
    >
      Add ({plan.instructions.length})
    </button>
  );
}

function startInRouter() {
  const rootRoute = createRootRoute();
  const instanceRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/process-instances/$processInstanceId',
    component: () => (
      <ModificationPlanProvider processInstanceId="pi-1">
        <AddCancel />
        <Link to="/batches">Elsewhere</Link>
      </ModificationPlanProvider>
    ),
  });
  const elsewhereRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/batches',
    component: () => <h1>Elsewhere</h1>,
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([instanceRoute, elsewhereRoute]),
    history: createMemoryHistory({ initialEntries: ['/process-instances/pi-1'] }),
  });
  render(<RouterProvider router={router} />);
  return router;
}

describe('ModificationPlanProvider', () => {
  it('asks before navigating away from an unsent plan, and lets the operator stay', async () => {
    const user = userEvent.setup();
    const router = startInRouter();
    await user.click(await screen.findByRole('button', { name: 'Add (0)' }));

    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(
      await screen.findByRole('dialog', { name: 'Leave without sending the plan?' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe('/process-instances/pi-1');
    expect(screen.getByRole('button', { name: 'Add (1)' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeInTheDocument();
    // The plan stays saved for when the operator comes back.
    expect(localStorage.getItem('repair-plan:pi-1')).not.toBeNull();
  });

  it('lets navigation pass without a plan', async () => {
    const user = userEvent.setup();
    startInRouter();
    await user.click(await screen.findByRole('link', { name: 'Elsewhere' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere' })).toBeInTheDocument();
  });

  it('asks the browser before unloading with an unsent plan', async () => {
    const user = userEvent.setup();
    startInRouter();
    const before = new Event('beforeunload', { cancelable: true });
    act(() => {
      window.dispatchEvent(before);
    });
    expect(before.defaultPrevented).toBe(false);
    await user.click(await screen.findByRole('button', { name: 'Add (0)' }));
    const after = new Event('beforeunload', { cancelable: true });
    act(() => {
      window.dispatchEvent(after);
    });
    expect(after.defaultPrevented).toBe(true);
  });
});
