import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';

import { loadSession } from '../api/console-session';
import type { SignOutReason } from '../api/console-session';
import { loadDiagramViewer } from '../bpmn/diagram-adapter';
import {
  prefetchDefinitionDiagram,
  prefetchProcessInstance,
} from '../features/process-instances/prefetch-process-instance';
import { toProcessInstanceFilters } from '../lib/process-instance-query';
import type { ProcessInstanceFilters } from '../lib/process-instance-query';
import { whenIdle } from '../lib/when-idle';
import { ProcessInstancePending } from './routes/process-instance-pending';
import { AuthenticatedLayout } from './routes/authenticated-layout';
import { NotFoundPage } from './routes/not-found-page';
import { RootLayout } from './routes/root-layout';

export interface RouterContext {
  queryClient: QueryClient;
}

export interface SignInSearch {
  /** Where to go after signing in: the page that asked for it. */
  redirect?: string;
  /** Why the console signed the operator out after a 401: the page says so. */
  signedOut?: SignOutReason;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    ...(typeof search.redirect === 'string' ? { redirect: search.redirect } : {}),
    ...(search.signedOut === 'refused' || search.signedOut === 'ended'
      ? { signedOut: search.signedOut }
      : {}),
  }),
  // Pages are lazy chunks: the first screen loads only its own components.
  component: lazyRouteComponent(() => import('./routes/sign-in-page'), 'SignInPage'),
});

const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authenticated',
  // Asked of the server once per page load: another tab may have signed in already.
  beforeLoad: async ({ location }) => {
    if ((await loadSession()) === null) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect idiom
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    }
  },
  component: AuthenticatedLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/',
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect idiom
    throw redirect({ to: '/process-definitions' });
  },
});

const processDefinitionsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/process-definitions',
  component: lazyRouteComponent(
    () => import('./routes/process-definitions-page'),
    'ProcessDefinitionsPage',
  ),
});

/**
 * Search params of the instance list: its filters, kept in the URL so a link can be shared, each
 * variable condition with the type its value is compared as.
 */
export type ProcessInstancesSearch = ProcessInstanceFilters;

const processInstancePage = lazyRouteComponent(
  () => import('./routes/process-instance-page'),
  'ProcessInstancePage',
);

const processInstancesRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/process-definitions/$processDefinitionId',
  // Drops empty filters (so they leave the URL) and reads a numeric business key as text.
  validateSearch: (search: Record<string, unknown>): ProcessInstancesSearch =>
    toProcessInstanceFilters(search),
  // An operator reading a definition's instances is about to open one: once the list is on the
  // screen and the browser is idle, the instance page's code, bpmn-js and the definition's XML
  // load, and the XML is read into bpmn-js' model, so the click waits only for the instance's own
  // data, and its import only draws.
  loader: ({ context: { queryClient }, params: { processDefinitionId } }) => {
    whenIdle(() => {
      void processInstancePage.preload?.();
      void loadDiagramViewer();
      void prefetchDefinitionDiagram(queryClient, processDefinitionId);
    });
  },
  component: lazyRouteComponent(
    () => import('./routes/process-instances-page'),
    'ProcessInstancesPage',
  ),
});

/** bpmn-js and the instance page's data; settles once all are loaded or have failed. */
async function loadInstancePage(
  queryClient: QueryClient,
  processInstanceId: string,
): Promise<void> {
  await Promise.all([
    loadDiagramViewer().catch(() => undefined),
    prefetchProcessInstance(queryClient, processInstanceId),
  ]);
}

const processInstanceRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/process-instances/$processInstanceId',
  // The router loads the page's chunk and runs this at the same time (also on hover, a preload),
  // and renders the page once both are done: with its data in the cache, the page is drawn in one
  // pass, the diagram imported with its tokens. Until then the previous page stays; past the
  // router's `pendingMs` (1 s), the skeleton shows.
  loader: ({ context: { queryClient }, params: { processInstanceId } }) =>
    loadInstancePage(queryClient, processInstanceId),
  pendingComponent: ProcessInstancePending,
  component: processInstancePage,
});

const batchesRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/batches',
  component: lazyRouteComponent(() => import('./routes/batches-page'), 'BatchesPage'),
});

const batchRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/batches/$batchId',
  component: lazyRouteComponent(() => import('./routes/batch-page'), 'BatchPage'),
});

const operationLogRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/operation-log',
  component: lazyRouteComponent(() => import('./routes/operation-log-page'), 'OperationLogPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  authenticatedRoute.addChildren([
    indexRoute,
    processDefinitionsRoute,
    processInstancesRoute,
    processInstanceRoute,
    batchesRoute,
    batchRoute,
    operationLogRoute,
  ]),
]);

/**
 * Starts what a deep link to an instance page needs as the console starts, beside the question
 * who is signed in, instead of after it: the router runs a page's loader only once its guard has
 * the answer, one more round trip before the instance's requests leave. Without a session they
 * are refused with 401, which signs no one out (`engine-client.ts`); the guard then sends the
 * operator to sign in, and the page's loader asks again afterwards.
 */
export function prefetchDeepLink(
  router: ReturnType<typeof createAppRouter>,
  queryClient: QueryClient,
  pathname: string,
): void {
  const [, params, route] = router.getMatchedRoutes(pathname);
  const { processInstanceId } = params;
  if (route?.id === processInstanceRoute.id && processInstanceId !== undefined) {
    void loadInstancePage(queryClient, processInstanceId);
  }
}

/** The console's route table; pages live in `routes/` and compose features. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
