import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { BatchDto } from '../../../../contract/camunda/batch';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { BulkOverlapWarning } from './bulk-overlap-warning';

const NOT_HERE = 'it was not created here';
const ELSEWHERE = 'it was created elsewhere for 7 instances of this definition';

beforeAll(() => {
  // The router restores the scroll position, which jsdom does not implement.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

describe('BulkOverlapWarning', () => {
  it('says once for many batches why their instances cannot be known, and lists them on demand', async () => {
    const { user } = renderInRouter(
      <BulkOverlapWarning
        isPending={false}
        error={null}
        report={{
          runningBatchCount: 5,
          overlaps: [{ batch: batch('b-held'), count: 2, processInstanceIds: ['pi-1', 'pi-2'] }],
          unknown: [
            { batch: batch('b-1'), reason: NOT_HERE },
            { batch: batch('b-2'), reason: ELSEWHERE },
            { batch: batch('b-3'), reason: NOT_HERE },
            { batch: batch('b-4'), reason: NOT_HERE },
          ],
        }}
      />,
    );

    const items = within(await screen.findByLabelText('Running modification batches'))
      .getAllByRole('listitem')
      .filter((item) => item.parentElement?.classList.contains('bulk-overlap__list'));
    expect(items.map((item) => item.textContent)).toEqual([
      'Batch b-held holds 2 of the selected instances: pi-1, pi-2.',
      expect.stringContaining(
        `For each of these 3 running batches, which instances it modifies cannot be known: ${NOT_HERE}.`,
      ),
      `Batch b-2 is running, and which instances it modifies cannot be known: ${ELSEWHERE}. Camunda's REST API does not list a batch's instances.`,
    ]);

    const grouped = items[1] as HTMLElement;
    const disclosure = within(grouped).getByRole('group');
    expect(disclosure).not.toHaveAttribute('open');
    await user.click(within(grouped).getByText('The 3 batches'));
    expect(disclosure).toHaveAttribute('open');
    expect(
      within(grouped)
        .getAllByRole('link', { name: /^Batch / })
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/batches/b-1', '/batches/b-3', '/batches/b-4']);
  });
});

function batch(id: string): BatchDto {
  return {
    id,
    type: 'instance-modification',
    totalJobs: 1,
    jobsCreated: 1,
    batchJobsPerSeed: 100,
    invocationsPerBatchJob: 1,
    seedJobDefinitionId: null,
    monitorJobDefinitionId: null,
    batchJobDefinitionId: null,
    suspended: false,
    tenantId: null,
    createUserId: 'demo',
    startTime: null,
    executionStartTime: null,
  };
}

function renderInRouter(ui: ReactElement) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory(),
  });
  return renderWithProviders(<RouterProvider router={router} />);
}
