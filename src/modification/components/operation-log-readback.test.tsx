import { screen, waitForElementToBeRemoved, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import type { BatchDto } from '../../../contract/camunda/batch';
import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { rememberSentAnnotation } from '../model/sent-annotations';
import { modificationLogEntry } from '../testing/modification-fixtures';
import type { OperationLogReadbackRequest } from '../use-annotation-recording';
import { BatchOperationLogReadback, OperationLogReadback } from './operation-log-readback';

const LOG_URL = `${ENGINE_REST_URL}/history/user-operation`;
const ANNOTATION = 'Ticket OPS-17';

function entry(overrides: Partial<UserOperationLogEntryDto>): UserOperationLogEntryDto {
  return modificationLogEntry({ operationId: 'op-new', annotation: ANNOTATION, ...overrides });
}

function request(
  overrides: Partial<OperationLogReadbackRequest> = {},
): OperationLogReadbackRequest {
  return {
    scope: { processInstanceId: 'pi-1' },
    baseline: { newestTimestamp: '2024-05-01T10:00:00.000+0000', operationIds: ['op-old'] },
    annotation: ANNOTATION,
    outlook: { kind: 'recorded' },
    ...overrides,
  };
}

/** Answers the log with `entries` and keeps each request's query. */
function logEndpoint(entries: UserOperationLogEntryDto[], queries: URLSearchParams[] = []) {
  return http.get(LOG_URL, ({ request: httpRequest }) => {
    queries.push(new URL(httpRequest.url).searchParams);
    return HttpResponse.json(entries);
  });
}

describe('OperationLogReadback', () => {
  it('shows the entry the modification wrote, as the engine stored it', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      logEndpoint(
        [
          entry({ operationId: 'op-old', id: 'old' }),
          entry({ userId: 'demo', annotation: ANNOTATION }),
        ],
        queries,
      ),
    );

    renderWithProviders(<OperationLogReadback request={request()} />);

    const section = await screen.findByRole('region', { name: 'Operation log entry' });
    expect(await within(section).findByText('Recorded in the operation log')).toBeVisible();
    expect(within(section).getByText('demo')).toBeVisible();
    expect(within(section).getByText(ANNOTATION)).toBeVisible();
    expect(within(section).getByText('op-new')).toBeVisible();
    expect(Object.fromEntries(queries[0] ?? [])).toMatchObject({
      processInstanceId: 'pi-1',
      operationType: 'ModifyProcessInstance',
      afterTimestamp: '2024-05-01T09:59:59.999+0000',
      sortOrder: 'asc',
    });
  });

  it('says when the stored annotation is not the one sent', async () => {
    server.use(logEndpoint([entry({ annotation: null })]));

    renderWithProviders(<OperationLogReadback request={request()} />);

    expect(await screen.findByText('The annotation sent, which differs:')).toBeVisible();
    expect(screen.getByText('none')).toBeVisible();
  });

  it('says that none was written, why, and keeps the annotation to copy', async () => {
    server.use(logEndpoint([entry({ operationId: 'op-old' })]));

    const { user } = renderWithProviders(
      <OperationLogReadback
        request={request({
          outlook: { kind: 'unconfirmed', reasons: ['The level is not known.'] },
        })}
      />,
    );

    expect(await screen.findByText('No operation log entry was written')).toBeVisible();
    expect(
      screen.getByText(
        /no ModifyProcessInstance entry for this instance since the review opened\. The level is not known\./,
      ),
    ).toBeVisible();
    expect(screen.getByText(ANNOTATION)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Copy the annotation' }));
    expect(await navigator.clipboard.readText()).toBe(ANNOTATION);
  });

  it('reports the instance count a modification of many instances logged', async () => {
    server.use(
      logEndpoint([
        entry({ processInstanceId: null, property: 'nrOfInstances', newValue: '35' }),
        entry({ id: 'entry-2', processInstanceId: null, property: 'async', newValue: 'false' }),
      ]),
    );

    renderWithProviders(
      <OperationLogReadback request={request({ scope: { processDefinitionId: 'order:1' } })} />,
    );

    expect(await screen.findByText('Instances')).toBeVisible();
    expect(screen.getByText('35')).toBeVisible();
  });
});

describe('BatchOperationLogReadback', () => {
  const batch: Pick<BatchDto, 'id' | 'type' | 'startTime' | 'createUserId'> = {
    id: 'batch-1',
    type: 'instance-modification',
    startTime: '2024-05-01T10:00:05.000+0000',
    createUserId: 'demo',
  };

  it("finds a finished batch's creation entry by its start and creator", async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${ENGINE_REST_URL}/batch/batch-1`, () =>
        HttpResponse.json({ type: 'NotFoundException', message: 'gone' }, { status: 404 }),
      ),
      http.get(`${ENGINE_REST_URL}/history/batch/batch-1`, () => HttpResponse.json(batch)),
      logEndpoint(
        [entry({ processInstanceId: null, property: 'async', newValue: 'true' })],
        queries,
      ),
    );
    rememberSentAnnotation('batch-1', ANNOTATION);

    renderWithProviders(<BatchOperationLogReadback batchId="batch-1" />);

    expect(
      await screen.findByText('Recorded in the operation log when the batch was created'),
    ).toBeVisible();
    expect(screen.getByText(ANNOTATION)).toBeVisible();
    expect(Object.fromEntries(queries[0] ?? [])).toMatchObject({
      userId: 'demo',
      afterTimestamp: '2024-05-01T10:00:04.999+0000',
      beforeTimestamp: '2024-05-01T10:00:15.000+0000',
    });
  });

  it('says none was written, and shows the annotation this tab sent with the batch', async () => {
    server.use(logEndpoint([]));
    rememberSentAnnotation('batch-1', ANNOTATION);

    renderWithProviders(<BatchOperationLogReadback batchId="batch-1" batch={batch} />);

    expect(
      await screen.findByText('No operation log entry was written when the batch was created'),
    ).toBeVisible();
    expect(screen.getByText(ANNOTATION)).toBeVisible();
  });

  it('shows nothing for batches of other operations', async () => {
    server.use(
      http.get(`${ENGINE_REST_URL}/batch/batch-2`, () =>
        HttpResponse.json({ ...batch, id: 'batch-2', type: 'process-set-removal-time' }),
      ),
    );

    renderWithProviders(<BatchOperationLogReadback batchId="batch-2" />);

    await waitForElementToBeRemoved(() => screen.queryByText('Reading the batch…'));
    expect(screen.queryByRole('region', { name: 'Operation log entry' })).not.toBeInTheDocument();
    expect(screen.queryByText(/operation log/)).not.toBeInTheDocument();
  });
});
