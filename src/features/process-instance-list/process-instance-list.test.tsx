import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type {
  CountResultDto,
  ExceptionDto,
  HistoricProcessInstanceDto,
  ProcessDefinitionDiagramDto,
  ProcessDefinitionDto,
  ProcessInstanceDto,
} from '../../api/camunda-dto';
import { storeCredentials } from '../../api/credentials';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { VARIABLE_FILTER_HINT, toProcessInstanceFilters } from './process-instance-filters';
import type { ProcessInstanceFilters } from './process-instance-filters';
import { ProcessInstanceList } from './process-instance-list';

const DEFINITION_ID = 'order:3:abc';
const LIST_PATH = `/process-definitions/${encodeURIComponent(DEFINITION_ID)}`;
const PAGING_PARAMS = ['firstResult', 'maxResults', 'sortBy', 'sortOrder'];

const XML = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <bpmn:process id="order"><bpmn:userTask id="review" name="Review order" /></bpmn:process>
</bpmn:definitions>`;

// jsdom lays nothing out: give the table's scroll container a height, so the virtualizer renders
// the rows a 480px viewport shows.
const clientHeight = vi.spyOn(Element.prototype, 'clientHeight', 'get');
beforeAll(() => {
  clientHeight.mockReturnValue(480);
});
afterAll(() => {
  clientHeight.mockRestore();
});

beforeEach(() => {
  storeCredentials({ username: 'demo', password: 'demo' });
});

interface EngineRequests {
  counts: URL[];
  lists: URL[];
  histories: URL[];
}

/** The engine for `total` instances, `ORD-1 …`, paged as Camunda pages them. */
function serveEngine(total: number): EngineRequests {
  const requests: EngineRequests = { counts: [], lists: [], histories: [] };
  const instances = Array.from({ length: total }, (_, i) => instance(i + 1));
  server.use(
    http.get(`${ENGINE_REST_URL}/process-definition/:id`, () => HttpResponse.json(definition())),
    http.get(`${ENGINE_REST_URL}/process-definition/:id/xml`, () =>
      HttpResponse.json<ProcessDefinitionDiagramDto>({ id: DEFINITION_ID, bpmn20Xml: XML }),
    ),
    http.get(`${ENGINE_REST_URL}/process-instance/count`, ({ request }) => {
      requests.counts.push(new URL(request.url));
      return HttpResponse.json<CountResultDto>({ count: total });
    }),
    http.get(`${ENGINE_REST_URL}/process-instance`, ({ request }) => {
      const url = new URL(request.url);
      requests.lists.push(url);
      const first = Number(url.searchParams.get('firstResult'));
      const max = Number(url.searchParams.get('maxResults'));
      return HttpResponse.json(instances.slice(first, first + max));
    }),
    http.get(`${ENGINE_REST_URL}/history/process-instance`, ({ request }) => {
      const url = new URL(request.url);
      requests.histories.push(url);
      const ids = url.searchParams.get('processInstanceIds')?.split(',') ?? [];
      return HttpResponse.json(ids.map(historicInstance));
    }),
  );
  return requests;
}

/** The list behind a route like the console's: filters in the URL, changed with `replace`. */
function renderListAt(url: string) {
  const rootRoute = createRootRoute();
  const listRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/process-definitions/$processDefinitionId',
    validateSearch: toProcessInstanceFilters,
    component: function ListPage() {
      const { processDefinitionId } = listRoute.useParams();
      const filters = listRoute.useSearch();
      const navigate = listRoute.useNavigate();
      const handleFiltersChange = (next: ProcessInstanceFilters) => {
        void navigate({ search: next, replace: true });
      };
      return (
        <ProcessInstanceList
          processDefinitionId={processDefinitionId}
          filters={filters}
          onFiltersChange={handleFiltersChange}
        />
      );
    },
  });
  const instanceRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/process-instances/$processInstanceId',
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([listRoute, instanceRoute]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const view = renderWithProviders(<RouterProvider router={router} />);
  return { ...view, router };
}

describe('ProcessInstanceList', () => {
  it('shows the definition, the count, and the first page with start times', async () => {
    const requests = serveEngine(120);

    renderListAt(LIST_PATH);

    expect(await screen.findByRole('heading', { name: 'Order fulfilment' })).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent('120');
    const table = await screen.findByRole('table', { name: 'Process instances' });
    expect(table).toHaveAttribute('aria-rowcount', '121');
    // Text queries wait, role queries check once: role queries are slow over a table of rows.
    await within(table).findByText('ORD-1');
    const firstRow = within(table).getAllByRole('row')[1];
    if (firstRow === undefined) {
      throw new Error('The table has no body rows');
    }
    expect(firstRow).toHaveAttribute('aria-rowindex', '2');
    expect(within(firstRow).getByRole('cell', { name: 'ORD-1' })).toBeInTheDocument();
    expect(within(firstRow).getByRole('link', { name: 'instance-001' })).toHaveAttribute(
      'href',
      '/process-instances/instance-001',
    );
    expect(within(firstRow).getByText('Active')).toBeInTheDocument();
    expect(within(firstRow).getByRole('time')).toHaveAttribute(
      'datetime',
      '2024-05-01T09:30:00.000+0200',
    );

    // A 480px viewport plus overscan lies within the first page of 50: one list request, one
    // history request for that page's ids, never one per row.
    expect(requests.lists.map((url) => url.searchParams.get('firstResult'))).toEqual(['0']);
    expect(requests.lists[0]?.searchParams.get('maxResults')).toBe('50');
    expect(requests.histories).toHaveLength(1);
    expect(requests.histories[0]?.searchParams.get('processInstanceIds')?.split(',')).toHaveLength(
      50,
    );
  });

  it('reads the filters from the URL and sends the list and the count identical ones', async () => {
    const requests = serveEngine(3);

    renderListAt(
      `${LIST_PATH}?businessKey=ORD-%25&activityId=review&withIncidents=true&variable=amount_gt_100`,
    );

    await screen.findByText('ORD-1');
    expect(screen.getByLabelText('Business key')).toHaveValue('ORD-%');
    expect(screen.getByLabelText('Active activity')).toHaveValue('review');
    expect(screen.getByLabelText('With incidents')).toBeChecked();
    expect(screen.getByLabelText('Variable value')).toHaveValue('amount_gt_100');

    const [count] = requests.counts;
    const [list] = requests.lists;
    expect(count).toBeDefined();
    expect(list).toBeDefined();
    expect(filterParams(list)).toEqual(filterParams(count));
    expect(filterParams(count)).toEqual({
      processDefinitionId: DEFINITION_ID,
      businessKeyLike: 'ORD-%',
      activityIdIn: 'review',
      withIncident: 'true',
      variables: 'amount_gt_100',
    });
    expect(list?.searchParams.get('sortBy')).toBe('instanceId');
    expect(list?.searchParams.get('sortOrder')).toBe('asc');
  });

  it('writes applied filters to the URL and asks the engine with them', async () => {
    const requests = serveEngine(3);
    const { router, user } = renderListAt(LIST_PATH);
    await screen.findByText('ORD-1');

    await user.type(screen.getByLabelText('Business key'), 'ORD-2');
    await user.type(screen.getByLabelText('Variable value'), 'amount_gt_100{Enter}');

    await waitFor(() => {
      expect(router.state.location.search).toEqual({
        businessKey: 'ORD-2',
        variable: 'amount_gt_100',
      });
    });

    await screen.findByRole('option', { name: 'Review order' });
    await user.selectOptions(screen.getByLabelText('Active activity'), 'review');
    await user.click(screen.getByLabelText('With incidents'));

    await waitFor(() => {
      expect(router.state.location.search).toEqual({
        businessKey: 'ORD-2',
        activityId: 'review',
        withIncidents: true,
        variable: 'amount_gt_100',
      });
    });
    await waitFor(() => {
      expect(filterParams(requests.counts.at(-1))).toEqual({
        processDefinitionId: DEFINITION_ID,
        businessKey: 'ORD-2',
        activityIdIn: 'review',
        withIncident: 'true',
        variables: 'amount_gt_100',
      });
    });
    expect(router.state.location.href).toBe(
      `${LIST_PATH}?businessKey=ORD-2&activityId=review&withIncidents=true&variable=amount_gt_100`,
    );

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => {
      expect(router.state.location.search).toEqual({});
    });
    expect(screen.getByLabelText('Business key')).toHaveValue('');
  });

  it('explains the variable syntax and keeps a malformed filter out of the URL', async () => {
    serveEngine(3);
    const { router, user } = renderListAt(LIST_PATH);
    await screen.findByText('ORD-1');

    await user.type(screen.getByLabelText('Variable value'), 'amount>100{Enter}');

    expect(await screen.findByText(VARIABLE_FILTER_HINT)).toBeInTheDocument();
    expect(screen.getByLabelText('Variable value')).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.search).toEqual({});

    await user.clear(screen.getByLabelText('Variable value'));
    await user.type(screen.getByLabelText('Variable value'), 'amount_gt_100');

    expect(screen.queryByText(VARIABLE_FILTER_HINT)).not.toBeInTheDocument();
  });

  it('shows the type and message of the engine error', async () => {
    serveEngine(3);
    server.use(
      http.get(`${ENGINE_REST_URL}/process-instance/count`, () =>
        HttpResponse.json<ExceptionDto>(
          {
            type: 'InvalidRequestException',
            message: "Cannot set query parameter 'variables' to value 'amount_gt'",
            code: null,
          },
          { status: 400 },
        ),
      ),
    );

    renderListAt(`${LIST_PATH}?variable=amount_gt`);

    await screen.findByText('The process instances could not be loaded');
    // Carbon's text inputs hold empty alert regions of their own.
    const alert = screen.getAllByRole('alert').find((candidate) => candidate.textContent !== '');
    expect(alert).toHaveTextContent('The process instances could not be loaded');
    expect(alert).toHaveTextContent(
      "InvalidRequestException: Cannot set query parameter 'variables' to value 'amount_gt'",
    );
  });

  it('says so when no instance matches', async () => {
    serveEngine(0);

    renderListAt(`${LIST_PATH}?businessKey=nope`);

    expect(
      await screen.findByText('No running instances match these filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Process instances' })).not.toBeInTheDocument();
  });
});

/** The query parameters of a list or count request, without paging and sorting. */
function filterParams(url: URL | undefined): Record<string, string> {
  return Object.fromEntries(
    [...(url?.searchParams ?? [])].filter(([name]) => !PAGING_PARAMS.includes(name)),
  );
}

function definition(): ProcessDefinitionDto {
  return {
    id: DEFINITION_ID,
    key: 'order',
    category: 'http://bpmn.io/schema/bpmn',
    description: null,
    name: 'Order fulfilment',
    version: 3,
    resource: 'order.bpmn',
    deploymentId: 'deployment-1',
    diagram: null,
    suspended: false,
    tenantId: null,
    versionTag: null,
    historyTimeToLive: null,
    startableInTasklist: true,
  };
}

function instanceId(n: number): string {
  return `instance-${String(n).padStart(3, '0')}`;
}

function instance(n: number): ProcessInstanceDto {
  return {
    links: [],
    id: instanceId(n),
    definitionId: DEFINITION_ID,
    businessKey: `ORD-${String(n)}`,
    caseInstanceId: null,
    ended: false,
    suspended: false,
    tenantId: null,
  };
}

function historicInstance(id: string): HistoricProcessInstanceDto {
  return {
    id,
    businessKey: null,
    processDefinitionId: DEFINITION_ID,
    processDefinitionKey: 'order',
    processDefinitionName: 'Order fulfilment',
    processDefinitionVersion: 3,
    startTime: '2024-05-01T09:30:00.000+0200',
    endTime: null,
    removalTime: null,
    durationInMillis: null,
    startUserId: null,
    startActivityId: null,
    deleteReason: null,
    rootProcessInstanceId: id,
    superProcessInstanceId: null,
    superCaseInstanceId: null,
    caseInstanceId: null,
    tenantId: null,
    state: 'ACTIVE',
    restartedProcessInstanceId: null,
  };
}
