import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { CountResultDto, ExceptionDto } from '../../../contract/camunda/common';
import type { HistoricProcessInstanceDto } from '../../../contract/camunda/history';
import type {
  ProcessInstanceDto,
  ProcessInstanceQueryDto,
} from '../../../contract/camunda/process-instance';
import type {
  ProcessDefinitionDiagramDto,
  ProcessDefinitionDto,
} from '../../../contract/camunda/repository';
import type { VariableInstanceDto, VariableValueType } from '../../../contract/camunda/variables';
import { rememberSession } from '../../api/console-session';
import { toProcessInstanceFilters, toProcessInstanceQuery } from '../../lib/process-instance-query';
import type { ProcessInstanceFilters, VariableFilter } from '../../lib/process-instance-query';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { ProcessInstanceList } from './process-instance-list';

const DEFINITION_ID = 'order:3:abc';
const LIST_PATH = `/process-definitions/${encodeURIComponent(DEFINITION_ID)}`;

const XML = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <bpmn:process id="order">
    <bpmn:userTask id="review" name="Review order" />
    <bpmn:subProcess id="packing" name="Packing"><bpmn:userTask id="pack" name="Pack" /></bpmn:subProcess>
  </bpmn:process>
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
  rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
});

interface ListRequest {
  url: URL;
  body: ProcessInstanceQueryDto;
}

interface EngineRequests {
  counts: ProcessInstanceQueryDto[];
  lists: ListRequest[];
  histories: URL[];
  variableLookups: { variableName?: string; executionIdIn?: string[] }[];
}

/**
 * The engine for `total` instances, `ORD-1 …`, paged as Camunda pages a POST query; `variableTypes`
 * are the types of the variables the type lookup finds.
 */
function serveEngine(total: number, variableTypes: VariableValueType[] = []): EngineRequests {
  const requests: EngineRequests = { counts: [], lists: [], histories: [], variableLookups: [] };
  const instances = Array.from({ length: total }, (_, i) => instance(i + 1));
  server.use(
    http.get(`${ENGINE_REST_URL}/process-definition/:id`, () => HttpResponse.json(definition())),
    http.get(`${ENGINE_REST_URL}/process-definition/:id/xml`, () =>
      HttpResponse.json<ProcessDefinitionDiagramDto>({ id: DEFINITION_ID, bpmn20Xml: XML }),
    ),
    http.post(`${ENGINE_REST_URL}/process-instance/count`, async ({ request }) => {
      requests.counts.push((await request.json()) as ProcessInstanceQueryDto);
      return HttpResponse.json<CountResultDto>({ count: total });
    }),
    http.post(`${ENGINE_REST_URL}/process-instance`, async ({ request }) => {
      const url = new URL(request.url);
      const body = (await request.json()) as ProcessInstanceQueryDto;
      // The type lookup asks for the definition's instances without filters or paging past 0.
      if (url.searchParams.get('maxResults') !== '50') {
        return HttpResponse.json(instances);
      }
      requests.lists.push({ url, body });
      const first = Number(url.searchParams.get('firstResult'));
      return HttpResponse.json(instances.slice(first, first + 50));
    }),
    http.post(`${ENGINE_REST_URL}/variable-instance`, async ({ request }) => {
      const body = (await request.json()) as { variableName?: string; executionIdIn?: string[] };
      requests.variableLookups.push(body);
      return HttpResponse.json(
        variableTypes.map((type, i) => variableInstance(body.variableName ?? '', type, i)),
      );
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

/** The list's URL with these filters, as the console writes it. */
function listUrl(search: Record<string, string>): string {
  return `${LIST_PATH}?${new URLSearchParams(search).toString()}`;
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
    // history request for that page's ids, never one per row. Paging goes in the URL and the
    // order in the body's sorting, as Camunda's POST query takes them.
    expect(requests.lists.map(({ url }) => url.searchParams.get('firstResult'))).toEqual(['0']);
    expect(requests.lists[0]?.body.sorting).toEqual([{ sortBy: 'instanceId', sortOrder: 'asc' }]);
    expect(requests.histories).toHaveLength(1);
    expect(requests.histories[0]?.searchParams.get('processInstanceIds')?.split(',')).toHaveLength(
      50,
    );
  });

  it('opens an instance from its link inside the console, and leaves a ctrl-click to the browser', async () => {
    serveEngine(3);
    const { router } = renderListAt(LIST_PATH);
    const table = await screen.findByRole('table', { name: 'Process instances' });
    await within(table).findByText('ORD-2');
    const link = within(table).getByRole('link', { name: 'instance-002' });

    // `fireEvent` answers whether the browser may go on with the event's default action.
    expect(fireEvent.click(link, { ctrlKey: true })).toBe(true);
    expect(fireEvent.click(link, { button: 1 })).toBe(true);
    expect(router.state.location.pathname).toBe(LIST_PATH);

    expect(fireEvent.click(link)).toBe(false);
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/process-instances/instance-002');
    });
  });

  it('reads the filters from the URL and sends the list and the count one query object', async () => {
    const requests = serveEngine(3);
    const filters: ProcessInstanceFilters = {
      businessKey: 'ORD-%',
      activityId: 'review',
      withIncidents: true,
      variables: [orderNo('String', '00042'), orderNo('Number', '42')],
    };

    renderListAt(
      listUrl({
        businessKey: 'ORD-%',
        activityId: 'review',
        withIncidents: 'true',
        variables: JSON.stringify(filters.variables),
      }),
    );

    await screen.findByText('ORD-1');
    expect(screen.getByLabelText('Business key')).toHaveValue('ORD-%');
    expect(screen.getByLabelText('Active activity')).toHaveValue('review');
    expect(screen.getByLabelText('With incidents')).toBeChecked();
    expect(screen.getByLabelText('Variable of condition 1')).toHaveValue('orderNo');
    expect(screen.getByLabelText('Type of condition 1')).toHaveValue('String');
    expect(screen.getByLabelText('Value of condition 1')).toHaveValue('00042');
    expect(screen.getByLabelText('Type of condition 2')).toHaveValue('Number');

    const [count] = requests.counts;
    const [list] = requests.lists;
    expect(count).toEqual(toProcessInstanceQuery(DEFINITION_ID, filters));
    expect(count).toEqual({
      processDefinitionId: DEFINITION_ID,
      businessKeyLike: 'ORD-%',
      activityIdIn: ['review'],
      withIncident: true,
      variables: [
        { name: 'orderNo', operator: 'eq', value: '00042' },
        { name: 'orderNo', operator: 'eq', value: 42 },
      ],
    });
    expect({ ...list?.body, sorting: undefined }).toEqual({ ...count, sorting: undefined });
  });

  it('writes applied filters to the URL, each condition with its type, and asks the engine with them', async () => {
    const requests = serveEngine(3);
    const { router, user } = renderListAt(LIST_PATH);
    await screen.findByText('ORD-1');

    await user.type(screen.getByLabelText('Business key'), 'ORD-2');
    await user.click(screen.getByRole('button', { name: 'Add a variable condition' }));
    await user.type(screen.getByLabelText('Variable of condition 1'), 'orderNo');
    await user.selectOptions(screen.getByLabelText('Type of condition 1'), 'Number');
    await user.type(screen.getByLabelText('Value of condition 1'), '42{Enter}');

    await waitFor(() => {
      expect(router.state.location.search).toEqual({
        businessKey: 'ORD-2',
        variables: [orderNo('Number', '42')],
      });
    });

    await screen.findByRole('option', { name: 'Review order' });
    await user.selectOptions(screen.getByLabelText('Active activity'), 'review');
    await user.click(screen.getByLabelText('With incidents'));

    await waitFor(() => {
      expect(requests.counts.at(-1)).toEqual({
        processDefinitionId: DEFINITION_ID,
        businessKey: 'ORD-2',
        activityIdIn: ['review'],
        withIncident: true,
        variables: [{ name: 'orderNo', operator: 'eq', value: 42 }],
      });
    });
    expect(toProcessInstanceFilters(router.state.location.search)).toEqual({
      businessKey: 'ORD-2',
      activityId: 'review',
      withIncidents: true,
      variables: [orderNo('Number', '42')],
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => {
      expect(router.state.location.search).toEqual({});
    });
    expect(screen.getByLabelText('Business key')).toHaveValue('');
  });

  it('looks up the type of a new condition and takes it, until the operator chooses one', async () => {
    const requests = serveEngine(3, ['Integer', 'Integer']);
    const { user } = renderListAt(LIST_PATH);
    await screen.findByText('ORD-1');

    await user.click(screen.getByRole('button', { name: 'Add a variable condition' }));
    expect(screen.getByLabelText('Type of condition 1')).toHaveValue('String');
    await user.type(screen.getByLabelText('Variable of condition 1'), 'amount');

    await waitFor(() => {
      expect(screen.getByLabelText('Type of condition 1')).toHaveValue('Number');
    });
    expect(
      await screen.findByText(
        'amount is an Integer in the engine (looked up in all 3 running instances).',
      ),
    ).toBeInTheDocument();
    // Process instance variables of the definition's instances: what the query compares.
    expect(requests.variableLookups.at(-1)).toEqual({
      variableName: 'amount',
      executionIdIn: ['instance-001', 'instance-002', 'instance-003'],
    });

    await user.selectOptions(screen.getByLabelText('Type of condition 1'), 'String');
    expect(
      await screen.findByText(
        'amount is an Integer in the engine: as a String this condition matches none of them.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Type of condition 1')).toHaveValue('String');
  });

  it('says when a variable holds values of several types, and keeps the type of a shared link', async () => {
    serveEngine(3, ['String', 'Integer']);

    renderListAt(listUrl({ variables: JSON.stringify([orderNo('String', '00042')]) }));

    expect(
      await screen.findByText(
        'orderNo is String and Integer in different instances: this condition matches only the String ones.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Type of condition 1')).toHaveValue('String');
  });

  it('explains a value that does not fit its type and keeps it out of the URL', async () => {
    serveEngine(3);
    const { router, user } = renderListAt(LIST_PATH);
    await screen.findByText('ORD-1');

    await user.click(screen.getByRole('button', { name: 'Add a variable condition' }));
    await user.type(screen.getByLabelText('Variable of condition 1'), 'amount');
    await user.selectOptions(screen.getByLabelText('Type of condition 1'), 'Number');
    await user.type(screen.getByLabelText('Value of condition 1'), 'lots{Enter}');

    expect(await screen.findByText('Enter a number, e.g. 42 or 99.5.')).toBeInTheDocument();
    expect(screen.getByLabelText('Value of condition 1')).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.search).toEqual({});
  });

  it('offers the activities a token can be in, not the sub-processes around them', async () => {
    serveEngine(3);
    renderListAt(LIST_PATH);

    expect(await screen.findByRole('option', { name: 'Pack' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Packing' })).not.toBeInTheDocument();
  });

  it('shows the type and message of the engine error', async () => {
    serveEngine(3);
    server.use(
      http.post(`${ENGINE_REST_URL}/process-instance/count`, () =>
        HttpResponse.json<ExceptionDto>(
          {
            type: 'ProcessEngineException',
            message: 'Variables of type ByteArray cannot be used to query',
            code: null,
          },
          { status: 500 },
        ),
      ),
    );

    renderListAt(listUrl({ variables: JSON.stringify([orderNo('String', 'x')]) }));

    await screen.findByText('The process instances could not be loaded');
    // Carbon's text inputs hold empty alert regions of their own.
    const alert = screen.getAllByRole('alert').find((candidate) => candidate.textContent !== '');
    expect(alert).toHaveTextContent('The process instances could not be loaded');
    expect(alert).toHaveTextContent(
      'ProcessEngineException: Variables of type ByteArray cannot be used to query',
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

function orderNo(type: VariableFilter['type'], value: string): VariableFilter {
  return { name: 'orderNo', operator: 'eq', type, value };
}

function variableInstance(name: string, type: VariableValueType, i: number): VariableInstanceDto {
  return {
    id: `variable-${String(i)}`,
    name,
    type,
    value: null,
    valueInfo: {},
    processDefinitionId: DEFINITION_ID,
    processInstanceId: instanceId(i + 1),
    executionId: instanceId(i + 1),
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: null,
    batchId: null,
    activityInstanceId: instanceId(i + 1),
    errorMessage: null,
    tenantId: null,
  };
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
