import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import type { ExceptionDto } from '../../../contract/camunda/common';
import type {
  ProcessDefinitionDto,
  ProcessDefinitionStatisticsResultDto,
} from '../../../contract/camunda/repository';
import { rememberSession } from '../../api/console-session';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { ProcessDefinitionList } from './process-definition-list';

const STATISTICS_URL = `${ENGINE_REST_URL}/process-definition/statistics`;

describe('ProcessDefinitionList', () => {
  it('lists each process once, with instances and incidents summed over its versions', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    let request: Request | undefined;
    server.use(
      http.get(STATISTICS_URL, (info) => {
        request = info.request;
        return HttpResponse.json([
          statistics({ key: 'invoice', name: 'Invoice Receipt', version: 1 }, 3, [
            { incidentType: 'failedJob', incidentCount: 1 },
          ]),
          statistics({ key: 'invoice', name: 'Invoice Receipt', version: 2 }, 2, [
            { incidentType: 'failedJob', incidentCount: 1 },
            { incidentType: 'failedExternalTask', incidentCount: 2 },
          ]),
          statistics({ key: 'approve-order', name: 'Approve order', version: 4 }, 0, []),
        ]);
      }),
    );

    renderDefinitionList();

    const table = await screen.findByRole('table', { name: 'Process definitions' });
    const [, ...bodyRows] = within(table).getAllByRole('row');
    expect(
      bodyRows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Approve order', 'approve-order', '4', '0', '0'],
      ['Invoice Receipt', 'invoice', '2', '5', '4'],
    ]);
    expect(within(table).getByRole('link', { name: 'Invoice Receipt' })).toHaveAttribute(
      'href',
      `/process-definitions/${encodeURIComponent('invoice:2:invoice-id')}`,
    );
    expect(request?.url).toBe(`${STATISTICS_URL}?incidents=true`);
    // The server adds the credentials from the session cookie; the page holds none.
    expect(request?.headers.get('Authorization')).toBeNull();
  });

  it('shows the type and message of the engine error', async () => {
    server.use(
      http.get(STATISTICS_URL, () =>
        HttpResponse.json<ExceptionDto>(
          { type: 'ProcessEngineException', message: 'Database is locked', code: 0 },
          { status: 500 },
        ),
      ),
    );

    renderDefinitionList();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The process definitions could not be loaded');
    expect(alert).toHaveTextContent('ProcessEngineException: Database is locked');
  });

  it('says so when nothing is deployed', async () => {
    server.use(http.get(STATISTICS_URL, () => HttpResponse.json([])));

    renderDefinitionList();

    expect(await screen.findByText('No process definitions are deployed yet.')).toBeInTheDocument();
  });
});

/** The list on a route of its own, with the instance list route its names link to. */
function renderDefinitionList() {
  const rootRoute = createRootRoute();
  const routeTree = rootRoute.addChildren([
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/process-definitions',
      component: ProcessDefinitionList,
    }),
    createRoute({
      getParentRoute: () => rootRoute,
      path: '/process-definitions/$processDefinitionId',
    }),
  ]);
  const router = createRouter({
    routeTree,
    history: createMemoryHistory({ initialEntries: ['/process-definitions'] }),
  });
  return renderWithProviders(<RouterProvider router={router} />);
}

function statistics(
  definition: Pick<ProcessDefinitionDto, 'key' | 'name' | 'version'>,
  instances: number,
  incidents: ProcessDefinitionStatisticsResultDto['incidents'],
): ProcessDefinitionStatisticsResultDto {
  const id = `${definition.key}:${String(definition.version)}:${definition.key}-id`;
  return {
    id,
    instances,
    failedJobs: 0,
    incidents,
    definition: {
      id,
      category: 'http://bpmn.io/schema/bpmn',
      description: null,
      resource: `${definition.key}.bpmn`,
      deploymentId: 'deployment-1',
      diagram: null,
      suspended: false,
      tenantId: null,
      versionTag: null,
      historyTimeToLive: null,
      startableInTasklist: true,
      ...definition,
    },
  };
}
