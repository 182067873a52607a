import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';

import { loadSession, onSessionChangedElsewhere } from '../api/console-session';
import { onUnauthorized } from '../api/engine-client';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './app-providers';
import { createAppRouter, prefetchDeepLink } from './router';
import './styles.scss';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
// The router's guard asks who is signed in only once React has rendered the shell, and every page
// waits for the answer before its loader starts its requests; asked now, it is on its way while
// React renders (the guard's own call then shares the request), and so are a deep link's.
void loadSession();
prefetchDeepLink(router, queryClient, window.location.pathname);

/**
 * The composition root: providers, the router, and the way back to sign-in after a 401 or when
 * another tab signs out.
 */
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

  useEffect(
    () =>
      onSessionChangedElsewhere((change) => {
        queryClient.clear();
        const { href, pathname } = router.state.location;
        if (pathname === '/sign-in') {
          return;
        }
        if (change === 'signed-out') {
          void router.navigate({ to: '/sign-in', search: { redirect: href, signedOut: 'ended' } });
        } else {
          // Perhaps as someone else: the guard asks the server who it is now.
          void router.invalidate();
        }
      }),
    [],
  );

  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
