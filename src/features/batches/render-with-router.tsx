import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import type { ReactElement } from 'react';

import { renderWithProviders } from '../../testing/render-with-providers';

/**
 * Test helper: renders `ui` as the only page of an in-memory router, so that its `<Link>`s and
 * `useNavigate` work; links to other pages change the router's location instead of loading them.
 */
export function renderWithRouter(ui: ReactElement) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}
