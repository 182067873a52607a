import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';

import type { ProcessInstanceModificationDto } from '../../../../contract/camunda/modification';
import { modificationLogEntry } from '../../../modification/testing/modification-fixtures';
import { ENGINE_REST_URL, server } from '../../../testing/msw-server';
import { renderWorkspace } from '../testing/render-workspace';
import type { RenderWorkspaceOptions } from '../testing/render-workspace';

const MODIFICATION_URL = `${ENGINE_REST_URL}/process-instance/pi-1/modification`;

afterEach(() => {
  localStorage.clear();
});

/** Cancels "Ship order", then opens the review dialog. */
async function reviewCancel(options: RenderWorkspaceOptions) {
  const view = renderWorkspace({ initialSelection: 'ship', ...options });
  await view.user.click(screen.getByRole('button', { name: /^Cancel the token/ }));
  await view.user.click(screen.getByRole('button', { name: 'Review' }));
  const dialog = await screen.findByRole('dialog', { name: 'Review the modification' });
  return { ...view, dialog };
}

describe('ReviewDialog and the operation log', () => {
  it('says before sending that an engine without authentication keeps no annotation, and that none was written', async () => {
    let sent = false;
    server.use(
      http.post(MODIFICATION_URL, () => {
        sent = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, dialog } = await reviewCancel({
      capabilities: { authentication: 'off', counts: { userOperations: 2 } },
    });

    expect(await within(dialog).findByText('This annotation will not be recorded')).toBeVisible();
    await user.type(within(dialog).getByLabelText('Annotation (required)'), 'Ticket 7');
    const apply = within(dialog).getByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();

    await user.click(within(dialog).getByLabelText(/I have kept the annotation elsewhere/));
    await user.click(apply);

    expect(await screen.findByText('No operation log entry was written')).toBeVisible();
    expect(sent).toBe(true);
    const readback = screen.getByRole('region', { name: 'Operation log entry' });
    expect(within(readback).getByText(/This engine does not check credentials/)).toBeVisible();
    expect(within(readback).getByText('Ticket 7')).toBeVisible();
  });

  it('reads back the entry the modification wrote', async () => {
    let body: ProcessInstanceModificationDto | null = null;
    server.use(
      http.post(MODIFICATION_URL, async ({ request }) => {
        body = (await request.json()) as ProcessInstanceModificationDto;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, dialog } = await reviewCancel({
      capabilities: {
        authentication: 'on',
        counts: { userOperations: 2 },
        // Empty before the request (the baseline), the new entry after it.
        operationLog: () =>
          body === null ? [] : [modificationLogEntry({ annotation: body.annotation ?? null })],
      },
    });

    await user.type(within(dialog).getByLabelText('Annotation (required)'), 'Ticket 8');
    expect(
      within(dialog).queryByText(/will not be recorded|cannot confirm/),
    ).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('Recorded in the operation log')).toBeVisible();
    const readback = screen.getByRole('region', { name: 'Operation log entry' });
    expect(within(readback).getByText('demo')).toBeVisible();
    expect(within(readback).getByText('Ticket 8')).toBeVisible();
  });
});
