import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { ExceptionDto } from '../../../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import { rememberSession } from '../../api/console-session';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { toCamundaDate } from '../../lib/camunda-date';
import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import { InstanceOperationLog } from './instance-operation-log';
import { OperationLogTable } from './operation-log-table';

const LOG_URL = `${ENGINE_REST_URL}/history/user-operation`;
const ACTIVITY_HISTORY_URL = `${ENGINE_REST_URL}/history/activity-instance`;
const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);
const at = (seconds: number) => toCamundaDate(T0 + seconds * 1000);

/**
 * A fake engine log: the handlers read and change it as Camunda would
 * (docs/camunda-semantics.md#annotations).
 */
let log: UserOperationLogEntryDto[];
let listRequests: URL[];
let annotationRequests: { url: string; body: unknown }[];

beforeEach(() => {
  rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
  log = [];
  listRequests = [];
  annotationRequests = [];
  server.use(
    http.get(LOG_URL, ({ request }) => {
      const url = new URL(request.url);
      listRequests.push(url);
      const firstResult = Number(url.searchParams.get('firstResult') ?? 0);
      const maxResults = Number(url.searchParams.get('maxResults') ?? log.length);
      return HttpResponse.json(matching(url).slice(firstResult, firstResult + maxResults));
    }),
    http.get(`${LOG_URL}/count`, ({ request }) =>
      HttpResponse.json({ count: matching(new URL(request.url)).length }),
    ),
    http.put(`${LOG_URL}/:operationId/set-annotation`, async ({ request, params }) => {
      const body = (await request.json()) as { annotation: string };
      annotationRequests.push({ url: request.url, body });
      annotate(String(params.operationId), body.annotation);
      return new HttpResponse(null, { status: 204 });
    }),
    http.put(`${LOG_URL}/:operationId/clear-annotation`, async ({ request, params }) => {
      annotationRequests.push({ url: request.url, body: await request.text() });
      annotate(String(params.operationId), null);
      return new HttpResponse(null, { status: 204 });
    }),
  );
});

describe('OperationLogTable', () => {
  it('shows one row per operation, newest first, and its properties in the details', async () => {
    log = [
      entry({
        operationId: 'op-batch',
        timestamp: at(60),
        processInstanceId: null,
        property: 'nrOfInstances',
        newValue: '12',
        annotation: 'moved stuck payments',
      }),
      entry({
        operationId: 'op-batch',
        timestamp: at(60),
        processInstanceId: null,
        property: 'async',
        newValue: 'false',
        annotation: 'moved stuck payments',
      }),
      entry({ operationId: 'op-suspend', operationType: 'SuspendBatch', entityType: 'Batch' }),
    ];
    const { user } = renderInRouter(<OperationLogTable filters={{ userId: 'demo' }} />);

    const table = await screen.findByRole('table', { name: 'Operation log' });
    const rows = bodyRows(table);
    expect(rows).toHaveLength(2);
    expect(cellTexts(rows[0])).toEqual([
      '',
      expect.stringMatching(/^2024-05-0\d \d\d:01:00$/),
      'demo',
      'ModifyProcessInstance',
      'ProcessInstance',
      '—',
      expect.stringContaining('moved stuck payments'),
    ]);
    expect(cellTexts(rows[1]).slice(3, 6)).toEqual(['SuspendBatch', 'Batch', 'instance-1']);
    expect(screen.getByText('3 of 3 entries (2 operations)')).toBeInTheDocument();
    expect(Object.fromEntries(listRequests[0]?.searchParams ?? [])).toEqual({
      userId: 'demo',
      sortBy: 'timestamp',
      sortOrder: 'desc',
      firstResult: '0',
      maxResults: '50',
    });

    await user.click(within(rows[0] ?? table).getByRole('button', { name: 'Operation details' }));

    const properties = await screen.findByRole('region', { name: 'Changed properties' });
    expect(
      within(properties)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['nrOfInstances: — → 12', 'async: — → false']);
    expect(
      screen.getByText(/covered several instances at once/, { exact: false }),
    ).toBeInTheDocument();
  });

  it('loads the next page on request and merges an operation split between pages', async () => {
    log = Array.from({ length: 49 }, (_, index) =>
      entry({ operationId: `op-${String(index)}`, timestamp: at(1000 - index) }),
    );
    log.push(
      entry({ operationId: 'op-split', property: 'nrOfInstances', timestamp: at(10) }),
      entry({ operationId: 'op-split', property: 'async', timestamp: at(10) }),
      entry({ operationId: 'op-last', timestamp: at(5) }),
    );
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    expect(await screen.findByText('50 of 52 entries (50 operations)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('52 of 52 entries (51 operations)')).toBeInTheDocument();
    expect(listRequests.map((url) => url.searchParams.get('firstResult'))).toEqual(['0', '50']);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    // A full page of rows takes jsdom a few seconds to render.
  }, 15_000);

  it('edits an annotation in place and saves it for the whole operation', async () => {
    log = [
      entry({ operationId: 'op-1', annotation: 'moved by support' }),
      entry({ operationId: 'op-1', entityType: 'Job', annotation: 'moved by support' }),
    ];
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    await user.click(await screen.findByRole('button', { name: 'Edit annotation' }));
    const textArea = screen.getByRole('textbox', { name: 'Annotation' });
    expect(textArea).toHaveValue('moved by support');
    expect(textArea).toHaveFocus();
    await user.clear(textArea);
    await user.type(textArea, '  fixed by the night shift ');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('fixed by the night shift')).toBeInTheDocument();
    expect(annotationRequests).toEqual([
      {
        url: `${LOG_URL}/op-1/set-annotation`,
        body: { annotation: 'fixed by the night shift' },
      },
    ]);
    expect(screen.queryByRole('textbox', { name: 'Annotation' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit annotation' })).toHaveFocus();
  });

  it('saves with Ctrl+Enter and cancels with Escape', async () => {
    log = [entry({ operationId: 'op-1' })];
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    await user.click(await screen.findByRole('button', { name: 'Add annotation' }));
    await user.type(screen.getByRole('textbox', { name: 'Annotation' }), 'typo');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Annotation' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add annotation' })).toHaveFocus();
    expect(annotationRequests).toEqual([]);

    await user.keyboard('{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Annotation' }), 'ticket 4711');
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await screen.findByText('ticket 4711')).toBeInTheDocument();
    expect(annotationRequests.map(({ body }) => body)).toEqual([{ annotation: 'ticket 4711' }]);
  });

  it('asks for text rather than saving an empty annotation', async () => {
    log = [entry({ operationId: 'op-1', annotation: 'old' })];
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    await user.click(await screen.findByRole('button', { name: 'Edit annotation' }));
    await user.clear(screen.getByRole('textbox', { name: 'Annotation' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter an annotation, or clear it instead')).toBeInTheDocument();
    expect(annotationRequests).toEqual([]);
  });

  it('shows the type and message of the engine error when saving fails', async () => {
    log = [entry({ operationId: 'op-gone', annotation: 'old' })];
    server.use(
      http.put(`${LOG_URL}/:operationId/set-annotation`, () =>
        HttpResponse.json<ExceptionDto>(
          { type: 'BadUserRequestException', message: 'operation is null', code: 0 },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    await user.click(await screen.findByRole('button', { name: 'Edit annotation' }));
    await user.type(screen.getByRole('textbox', { name: 'Annotation' }), ' and new');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await findAlert('The annotation could not be saved');
    expect(alert).toHaveTextContent('BadUserRequestException: operation is null');
    expect(screen.getByRole('textbox', { name: 'Annotation' })).toHaveValue('old and new');
  });

  it('clears an annotation only after confirmation', async () => {
    log = [entry({ operationId: 'op-1', annotation: 'wrong instance' })];
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    await user.click(await screen.findByRole('button', { name: 'Clear annotation' }));
    let dialog = screen.getByRole('dialog', { name: 'Clear the annotation?' });
    expect(dialog).toHaveTextContent('“wrong instance”');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(annotationRequests).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Clear annotation' }));
    dialog = screen.getByRole('dialog', { name: 'Clear the annotation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Clear annotation' }));

    expect(await screen.findByText('No annotation')).toBeInTheDocument();
    expect(annotationRequests).toEqual([{ url: `${LOG_URL}/op-1/clear-annotation`, body: '' }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the dialog open with the engine error when clearing fails', async () => {
    log = [entry({ operationId: 'op-1', annotation: 'wrong instance' })];
    server.use(
      http.put(`${LOG_URL}/:operationId/clear-annotation`, () =>
        HttpResponse.json<ExceptionDto>(
          { type: 'AuthorizationException', message: 'The user demo may not do that', code: 0 },
          { status: 403 },
        ),
      ),
    );
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    await user.click(await screen.findByRole('button', { name: 'Clear annotation' }));
    const dialog = screen.getByRole('dialog', { name: 'Clear the annotation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Clear annotation' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'AuthorizationException: The user demo may not do that',
    );
    expect(screen.getByText('wrong instance')).toBeInTheDocument();
  });

  it('shows what a modification removed and added', async () => {
    log = [entry({ operationId: 'op-1', timestamp: at(100), annotation: 'card declined twice' })];
    let historyRequest: URL | undefined;
    server.use(
      http.get(ACTIVITY_HISTORY_URL, ({ request }) => {
        historyRequest = new URL(request.url);
        return HttpResponse.json([
          activity({ activityId: 'start', start: 0, end: 0 }),
          activity({
            activityId: 'charge',
            activityName: 'Charge card',
            start: 0,
            end: 100,
            canceled: true,
          }),
          activity({ activityId: 'confirm', activityName: 'Confirm payment', start: 100 }),
        ]);
      }),
    );
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    await user.click(await screen.findByRole('button', { name: 'Operation details' }));

    const changes = await screen.findByRole('region', { name: 'What changed' });
    expect(await within(changes).findByText('Removed: Charge card (1)')).toBeInTheDocument();
    expect(within(changes).getByText('Added: Confirm payment (1)')).toBeInTheDocument();
    expect(changes).toHaveTextContent(
      "Reconstructed from the instance's history around the time of the operation",
    );
    expect(Object.fromEntries(historyRequest?.searchParams ?? [])).toEqual({
      processInstanceId: 'instance-1',
      sortBy: 'startTime',
      sortOrder: 'asc',
    });
    const around = listRequests.find((url) => url.searchParams.has('afterTimestamp'));
    expect(Object.fromEntries(around?.searchParams ?? [])).toEqual({
      processInstanceId: 'instance-1',
      afterTimestamp: at(96 - 0.001),
      beforeTimestamp: at(104 + 0.001),
      sortBy: 'timestamp',
      sortOrder: 'asc',
    });
  });

  it('says so when no token changes lie around the modification', async () => {
    log = [entry({ operationId: 'op-1', timestamp: at(100) })];
    server.use(
      http.get(ACTIVITY_HISTORY_URL, () =>
        HttpResponse.json([activity({ activityId: 'start', start: 0, end: 0 })]),
      ),
    );
    const { user } = renderInRouter(<OperationLogTable filters={{}} />);

    await user.click(await screen.findByRole('button', { name: 'Operation details' }));

    expect(
      await screen.findByText('No token changes recorded around this time.'),
    ).toBeInTheDocument();
  });

  it('shows the engine error when the log cannot be read', async () => {
    server.use(
      http.get(LOG_URL, () =>
        HttpResponse.json<ExceptionDto>(
          {
            type: 'InvalidRequestException',
            message: "Cannot set query parameter 'afterTimestamp'",
          },
          { status: 400 },
        ),
      ),
    );
    renderInRouter(<OperationLogTable filters={{}} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The operation log could not be loaded');
    expect(alert).toHaveTextContent(
      "InvalidRequestException: Cannot set query parameter 'afterTimestamp'",
    );
  });
});

describe('InstanceOperationLog', () => {
  it('lists only the operations of one instance, without an instance column', async () => {
    log = [
      entry({ operationId: 'op-1', processInstanceId: 'instance-7' }),
      entry({ operationId: 'op-2', processInstanceId: 'instance-8' }),
    ];
    renderInRouter(<InstanceOperationLog processInstanceId="instance-7" />);

    const table = await screen.findByRole('table', { name: 'Operation log' });
    expect(bodyRows(table)).toHaveLength(1);
    expect(within(table).queryByRole('columnheader', { name: 'Process instance' })).toBeNull();
    expect(listRequests[0]?.searchParams.get('processInstanceId')).toBe('instance-7');
  });

  it('says so when nothing was logged for the instance', async () => {
    renderInRouter(<InstanceOperationLog processInstanceId="instance-7" />);

    expect(
      await screen.findByText('No operations were logged for this instance.'),
    ).toBeInTheDocument();
  });
});

/** Renders `ui` as the only route of a memory router: the table links to instance pages. */
function renderInRouter(ui: ReactElement) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory(),
  });
  return renderWithProviders(<RouterProvider router={router} />);
}

function bodyRows(table: HTMLElement): HTMLElement[] {
  const [, body] = within(table).getAllByRole('rowgroup');
  return body === undefined ? [] : within(body).getAllByRole('row');
}

/** Carbon's text area holds an empty role="alert" live region (its counter) of its own. */
async function findAlert(title: string): Promise<HTMLElement> {
  const alerts = await screen.findAllByRole('alert');
  const alert = alerts.find((candidate) => candidate.textContent.includes(title));
  if (alert === undefined) {
    throw new Error(`No alert says "${title}"`);
  }
  return alert;
}

function cellTexts(row: HTMLElement | undefined): (string | null)[] {
  return row === undefined
    ? []
    : within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
}

function matching(url: URL): UserOperationLogEntryDto[] {
  const instance = url.searchParams.get('processInstanceId');
  return log.filter((candidate) => instance === null || candidate.processInstanceId === instance);
}

function annotate(operationId: string, annotation: string | null): void {
  log = log.map((candidate) =>
    candidate.operationId === operationId ? { ...candidate, annotation } : candidate,
  );
}

let nextId = 0;

function entry(overrides: Partial<UserOperationLogEntryDto>): UserOperationLogEntryDto {
  nextId += 1;
  return {
    id: `entry-${String(nextId)}`,
    userId: 'demo',
    timestamp: at(0),
    operationId: 'operation-1',
    operationType: 'ModifyProcessInstance',
    entityType: 'ProcessInstance',
    category: 'Operator',
    annotation: null,
    property: null,
    orgValue: null,
    newValue: null,
    deploymentId: 'deployment-1',
    processDefinitionId: 'payment:1:abc',
    processDefinitionKey: 'payment',
    processInstanceId: 'instance-1',
    executionId: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: null,
    externalTaskId: null,
    batchId: null,
    jobId: null,
    jobDefinitionId: null,
    removalTime: null,
    rootProcessInstanceId: 'instance-1',
    ...overrides,
  };
}

interface ActivityInit {
  activityId: string;
  activityName?: string;
  start: number;
  end?: number;
  canceled?: boolean;
}

function activity(init: ActivityInit): HistoricActivityInstanceDto {
  nextId += 1;
  return {
    id: `${init.activityId}:${String(nextId)}`,
    parentActivityInstanceId: 'instance-1',
    activityId: init.activityId,
    activityName: init.activityName ?? null,
    activityType: 'userTask',
    processDefinitionKey: 'payment',
    processDefinitionId: 'payment:1:abc',
    processInstanceId: 'instance-1',
    executionId: 'execution-1',
    taskId: null,
    calledProcessInstanceId: null,
    calledCaseInstanceId: null,
    assignee: null,
    startTime: at(init.start),
    endTime: init.end === undefined ? null : at(init.end),
    durationInMillis: null,
    canceled: init.canceled ?? false,
    completeScope: false,
    tenantId: null,
    removalTime: null,
    rootProcessInstanceId: 'instance-1',
  };
}
