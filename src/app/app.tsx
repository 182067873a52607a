import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';

import { onUnauthorized } from '../api/engine-client';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './app-providers';
import { createAppRouter } from './router';
import './styles.scss';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

/** The composition root: providers, the router, and the way back to sign-in after a 401. */
export function App() {
  useEffect(
    () =>
      onUnauthorized((reason) => {
        queryClient.clear();
        const { href } = router.state.location;
        void router.navigate({ to: '/sign-in', search: { redirect: href, signedOut: reason } });
      }),
    [],
  );

  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
