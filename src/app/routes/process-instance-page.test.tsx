import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import type { ExceptionDto } from '../../../contract/camunda/common';
import type { HistoricProcessInstanceDto } from '../../../contract/camunda/history';
import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import type { ProcessDefinitionDto } from '../../../contract/camunda/repository';
import type { DiagramRenderState } from '../../bpmn/diagram-adapter';
import {
  buildActivityInstance,
  buildEndedProcessInstance,
  buildProcessInstance,
  buildProcessInstanceTree,
  PROCESS_DEFINITION_ID,
  PROCESS_INSTANCE_ID,
} from '../../features/process-instances/test-data-builders';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { ProcessInstancePage } from './process-instance-page';

// bpmn-js needs SVG geometry that jsdom lacks: the diagram's adapter is replaced by a recorder of
// what the page asks of it (docs/architecture.md#tests).
const diagrams = vi.hoisted(
  () => [] as { setXml: (xml: string) => void; render: (state: DiagramRenderState) => void }[],
);
vi.mock('../../bpmn/diagram-adapter', () => ({
  loadDiagramViewer: vi.fn(),
  DiagramAdapter: class {
    setXml = vi.fn<(xml: string) => void>();
    render = vi.fn<(state: DiagramRenderState) => void>();
    fitViewport = vi.fn<() => void>();
    destroy = vi.fn<() => void>();
    constructor() {
      diagrams.push(this);
    }
  },
}));

const GONE_ID = 'gone-1';

const NOT_FOUND: ExceptionDto = {
  type: 'InvalidRequestException',
  message: `Process instance with id ${GONE_ID} does not exist`,
  code: null,
};

/** The page at its real route id, inside a router of its own (no sign-in, no shell). */
function renderPage(processInstanceId: string) {
  const rootRoute = createRootRoute();
  const authenticatedRoute = createRoute({ getParentRoute: () => rootRoute, id: 'authenticated' });
  const routeTree = rootRoute.addChildren([
    authenticatedRoute.addChildren([
      createRoute({
        getParentRoute: () => authenticatedRoute,
        path: '/process-instances/$processInstanceId',
        component: ProcessInstancePage,
      }),
      createRoute({
        getParentRoute: () => authenticatedRoute,
        path: '/process-definitions',
      }),
      createRoute({
        getParentRoute: () => authenticatedRoute,
        path: '/process-definitions/$processDefinitionId',
      }),
    ]),
  ]);
  const router = createRouter({
    routeTree,
    history: createMemoryHistory({ initialEntries: [`/process-instances/${processInstanceId}`] }),
  });
  return renderWithProviders(<RouterProvider router={router} />);
}

/** Every instance resource answers as Camunda does for an instance that is gone. */
function serveGoneInstance(history: HistoricProcessInstanceDto | null) {
  const notFound = () => HttpResponse.json(NOT_FOUND, { status: 404 });
  server.use(
    http.get(`${ENGINE_REST_URL}/process-instance/${GONE_ID}`, notFound),
    http.get(`${ENGINE_REST_URL}/process-instance/${GONE_ID}/activity-instances`, notFound),
    http.get(`${ENGINE_REST_URL}/incident`, () => HttpResponse.json([])),
    http.get(`${ENGINE_REST_URL}/history/process-instance/${GONE_ID}`, () =>
      history === null ? notFound() : HttpResponse.json(history),
    ),
    http.get(`${ENGINE_REST_URL}/history/user-operation`, () => HttpResponse.json([])),
    http.get(`${ENGINE_REST_URL}/history/user-operation/count`, () =>
      HttpResponse.json({ count: 0 }),
    ),
  );
}

const XML = '<definitions id="order"/>';

/**
 * A running instance whose activity instance tree the engine answers only once the returned
 * function is called.
 */
function serveInstanceWithSlowTree(): () => void {
  const instance = buildProcessInstance();
  const definition: ProcessDefinitionDto = {
    id: PROCESS_DEFINITION_ID,
    key: 'order',
    category: null,
    description: null,
    name: 'Order',
    version: 1,
    resource: null,
    deploymentId: null,
    diagram: null,
    suspended: false,
    tenantId: null,
    versionTag: null,
    historyTimeToLive: null,
    startableInTasklist: true,
  };
  const tree: ActivityInstanceDto = buildProcessInstanceTree([
    buildActivityInstance({ id: 'review:1', activityId: 'review' }),
  ]);
  const answers: (() => void)[] = [];
  const treeAnswered = new Promise<void>((resolve) => {
    answers.push(resolve);
  });
  const definitionPath = `${ENGINE_REST_URL}/process-definition/${encodeURIComponent(PROCESS_DEFINITION_ID)}`;
  server.use(
    http.get(`${ENGINE_REST_URL}/process-instance/${PROCESS_INSTANCE_ID}`, () =>
      HttpResponse.json(instance),
    ),
    http.get(`${ENGINE_REST_URL}/process-instance/${PROCESS_INSTANCE_ID}/activity-instances`, () =>
      treeAnswered.then(() => HttpResponse.json(tree)),
    ),
    http.get(definitionPath, () => HttpResponse.json(definition)),
    http.get(`${definitionPath}/xml`, () =>
      HttpResponse.json({ id: PROCESS_DEFINITION_ID, bpmn20Xml: XML }),
    ),
    http.get(`${ENGINE_REST_URL}/incident`, () => HttpResponse.json([])),
    http.get(`${ENGINE_REST_URL}/history/process-instance/${PROCESS_INSTANCE_ID}`, () =>
      HttpResponse.json(
        buildEndedProcessInstance({ endTime: null, durationInMillis: null, state: 'ACTIVE' }),
      ),
    ),
  );
  return () => {
    answers.forEach((answer) => {
      answer();
    });
  };
}

describe('ProcessInstancePage', () => {
  it('says why when the activity instance tree cannot be read, and still shows the diagram', async () => {
    serveInstanceWithSlowTree();
    server.use(
      http.get(
        `${ENGINE_REST_URL}/process-instance/${PROCESS_INSTANCE_ID}/activity-instances`,
        () =>
          HttpResponse.json(
            { type: 'ProcessEngineException', message: 'database unavailable', code: 0 },
            { status: 500 },
          ),
      ),
    );

    renderPage(PROCESS_INSTANCE_ID);

    expect(await screen.findByRole('figure', { name: 'Process diagram' })).toBeInTheDocument();
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('The activity instance tree could not be read');
    expect(alert).toHaveTextContent('ProcessEngineException: database unavailable');
  });

  it('imports the diagram once its tokens are known, with their badges in the same pass', async () => {
    diagrams.length = 0;
    const answerTree = serveInstanceWithSlowTree();

    renderPage(PROCESS_INSTANCE_ID);

    expect(await screen.findByRole('heading', { name: /Order/ })).toBeInTheDocument();
    expect(screen.queryByRole('figure', { name: 'Process diagram' })).not.toBeInTheDocument();
    expect(diagrams).toHaveLength(0);

    answerTree();

    expect(await screen.findByRole('figure', { name: 'Process diagram' })).toBeInTheDocument();
    const [diagram] = diagrams;
    expect(diagram?.setXml).toHaveBeenCalledExactlyOnceWith(XML);
    expect(diagram?.render).toHaveBeenNthCalledWith(
      1,
      expect.objectContaining({ overlays: [expect.objectContaining({ elementId: 'review' })] }),
    );
    expect(diagrams).toHaveLength(1);
  });

  it('says that an instance that is gone no longer exists, and links back', async () => {
    serveGoneInstance(null);

    renderPage(GONE_ID);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This process instance no longer exists');
    expect(alert).toHaveTextContent(`InvalidRequestException: ${NOT_FOUND.message}`);
    expect(
      await screen.findByRole('link', { name: 'Back to the process definitions' }),
    ).toHaveAttribute('href', '/process-definitions');
  });

  it('says that an instance the history knows has ended, with its operation log', async () => {
    serveGoneInstance(buildEndedProcessInstance({ id: GONE_ID }));

    renderPage(GONE_ID);

    expect(
      await screen.findByRole('link', { name: 'Back to the instances of Order' }),
    ).toHaveAttribute('href', '/process-definitions/order%3A1%3Adef-1');
    expect(screen.getByRole('status')).toHaveTextContent(
      /This process instance has ended.*It ended 2024-05-01 \d\d:00:00 \(COMPLETED\)/,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Operation log of this instance' })).toBeVisible();
  });

  it('says why when the definition or its diagram is refused, instead of loading for good', async () => {
    serveInstanceWithSlowTree()();
    const definitionPath = `${ENGINE_REST_URL}/process-definition/${encodeURIComponent(PROCESS_DEFINITION_ID)}`;
    const refused: ExceptionDto = {
      type: 'AuthorizationException',
      message: `The user with id 'john' does not have 'READ' permission on resource '${PROCESS_DEFINITION_ID}' of type 'ProcessDefinition'.`,
      code: null,
    };
    server.use(
      http.get(`${definitionPath}/xml`, () => HttpResponse.json(refused, { status: 403 })),
    );

    const diagramsBefore = diagrams.length;
    renderPage(PROCESS_INSTANCE_ID);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The BPMN diagram of this instance could not be read');
    expect(alert).toHaveTextContent("does not have 'READ' permission");
    expect(
      screen.getByRole('heading', { name: `Process instance ${PROCESS_INSTANCE_ID}` }),
    ).toBeVisible();
    expect(diagrams).toHaveLength(diagramsBefore);
  });

  it('shows any other failure as the engine reports it', async () => {
    server.use(
      http.get(`${ENGINE_REST_URL}/process-instance/broken-1`, () =>
        HttpResponse.json<ExceptionDto>(
          { type: 'ProcessEngineException', message: 'Database is locked', code: 0 },
          { status: 500 },
        ),
      ),
      http.get(`${ENGINE_REST_URL}/process-instance/broken-1/activity-instances`, () =>
        HttpResponse.json({ type: 'ProcessEngineException', message: 'x' }, { status: 500 }),
      ),
      http.get(`${ENGINE_REST_URL}/incident`, () => HttpResponse.json([])),
    );

    renderPage('broken-1');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The process instance could not be loaded');
    expect(alert).toHaveTextContent('ProcessEngineException: Database is locked');
    expect(screen.queryByRole('link', { name: /Back to/ })).not.toBeInTheDocument();
  });
});
