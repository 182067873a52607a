import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import {
  engineCapabilityHandlers,
  RECORDING_ENGINE,
} from '../../testing/engine-capability-handlers';
import type { GrantedPermission } from '../../testing/engine-capability-handlers';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { BatchDashboard } from './batch-dashboard';
import { batchStatistics } from './batch-test-data';
import { renderWithRouter } from './render-with-router';

/** The dashboard with two running batches, on an engine granting what `granted` says. */
async function renderDashboard(granted: (permission: GrantedPermission) => boolean) {
  const asked: string[] = [];
  server.use(
    ...engineCapabilityHandlers({
      ...RECORDING_ENGINE,
      granted: (permission) => {
        asked.push(`${permission.permissionName} ${permission.resourceId ?? ''}`);
        return granted(permission);
      },
    }),
    http.get(`${ENGINE_REST_URL}/batch/statistics`, () =>
      HttpResponse.json([batchStatistics({ id: 'mine' }), batchStatistics({ id: 'theirs' })]),
    ),
    http.get(`${ENGINE_REST_URL}/history/batch`, () => HttpResponse.json([])),
  );
  renderWithRouter(<BatchDashboard pollIntervalMs={60_000} />);
  const table = await screen.findByRole('table', { name: 'Running batches' });
  const row = (batchId: string) => {
    const found = within(table)
      .getAllByRole('row')
      .find((candidate) => within(candidate).queryByRole('cell', { name: batchId }) !== null);
    if (found === undefined) {
      throw new Error(`No row for ${batchId}`);
    }
    return found;
  };
  return { row, asked };
}

describe('Batch actions and permissions', () => {
  it('offers suspend and delete on every batch with one check each when granted on all', async () => {
    const { row, asked } = await renderDashboard(() => true);

    await waitFor(() => {
      expect(asked).toEqual(['UPDATE *', 'DELETE *']);
    });
    expect(within(row('mine')).getByRole('button', { name: 'Suspend' })).toBeEnabled();
    expect(within(row('theirs')).getByRole('button', { name: 'Delete' })).toBeEnabled();
  });

  it('disables what the engine refuses and says which permission it needs', async () => {
    // UPDATE and DELETE on the batch "mine" only, nothing on every batch.
    const { row } = await renderDashboard(({ resourceId }) => resourceId === 'mine');

    const suspend = within(row('theirs')).getByRole('button', { name: 'Suspend' });
    await waitFor(() => {
      expect(suspend).toBeDisabled();
    });
    expect(suspend).toHaveAccessibleDescription(
      'You may not suspend this batch: that needs UPDATE on every batch or UPDATE on batch theirs. An administrator can grant it. You may not delete this batch: that needs DELETE on every batch or DELETE on batch theirs. An administrator can grant it.',
    );
    expect(within(row('theirs')).getByRole('button', { name: 'Delete' })).toBeDisabled();
    await waitFor(() => {
      expect(within(row('mine')).getByRole('button', { name: 'Suspend' })).toBeEnabled();
    });
    expect(within(row('mine')).getByRole('button', { name: 'Delete' })).toBeEnabled();
  });
});
