import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';

import type { ProcessInstanceModificationDto } from '../../../../contract/camunda/modification';
import { ENGINE_REST_URL, server } from '../../../testing/msw-server';
import { activityInstance, processTree } from '../../../modification/testing/modification-fixtures';
import { renderWorkspace } from '../testing/render-workspace';

const PREVIEW_TIMEOUT_MS = 10_000;
const MODIFICATION_URL = `${ENGINE_REST_URL}/process-instance/pi-1/modification`;

afterEach(() => {
  localStorage.clear();
});

async function chooseElement(user: ReturnType<typeof renderWorkspace>['user'], name: string) {
  // The page shows the workspace once it has read the tree.
  const picker = await screen.findByRole('combobox', { name: 'Element' });
  await user.clear(picker);
  await user.type(picker, name);
  await user.click(await screen.findByRole('option', { name: new RegExp(`^${name} \\[`) }));
}

describe('Plan against the current state', () => {
  it('runs the preview on the instance as it is now, and sends the body it previewed', async () => {
    let sent: ProcessInstanceModificationDto | undefined;
    server.use(
      http.post(MODIFICATION_URL, async ({ request }) => {
        sent = (await request.json()) as ProcessInstanceModificationDto;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, setEngineTree } = renderWorkspace({
      livePageTree: true,
      annotationRequired: false,
    });
    await chooseElement(user, 'Ship order');
    await user.click(screen.getByRole('button', { name: "Cancel the token at 'Ship order'" }));
    await chooseElement(user, 'Pick item');
    await user.click(screen.getByRole('button', { name: "Cancel the token at 'Pick item'" }));
    await user.click(screen.getByRole('button', { name: 'Review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review the modification' });
    const warnings = () =>
      within(dialog).getByRole('group', { name: 'Warnings about the predicted result' });
    await waitFor(
      () => {
        expect(warnings()).toHaveTextContent('The process instance would end');
      },
      { timeout: PREVIEW_TIMEOUT_MS },
    );

    // Meanwhile the last item is picked: the subprocess ends and its token waits at the join.
    setEngineTree(
      processTree(activityInstance('join:1', 'join'), activityInstance('ship:1', 'ship')),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(
      await within(dialog).findByText(
        'The instance changed since the plan was made – nothing was sent',
      ),
    ).toBeInTheDocument();
    expect(sent).toBeUndefined();

    await user.click(
      within(dialog).getByRole('button', { name: 'Plan against the current state' }),
    );
    expect(
      await within(dialog).findByText('The plan now runs against the current state'),
    ).toBeInTheDocument();
    // The prediction is about the tree the engine has now: cancelling Ship order leaves the
    // token at the join, which nothing can join any more.
    const predicted = await within(dialog).findByRole('list', {
      name: 'Predicted activity instances',
    });
    expect(predicted).toHaveTextContent("Process instance'join'");
    expect(warnings()).toHaveTextContent("'join' would wait forever");
    expect(warnings()).toHaveTextContent(
      "1 token waits there, but no token can come any more from 'Pick items', along 'yes' from 'Paid?' or from 'Approve'",
    );
    expect(warnings()).not.toHaveTextContent('would end');

    const shown = within(dialog).getByLabelText('Request body (JSON)').textContent;
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(sent).toBeDefined();
    });
    expect(sent).toEqual({
      instructions: [
        { type: 'cancel', activityId: 'ship' },
        { type: 'cancel', activityId: 'pick' },
      ],
      skipCustomListeners: false,
      skipIoMappings: false,
    });
    expect(sent).toEqual(JSON.parse(shown));
  });

  it('removes instructions about instances that are gone, says which, and sends no empty plan', async () => {
    const { user, setEngineTree } = renderWorkspace({
      livePageTree: true,
      annotationRequired: false,
      initialSelection: 'pick',
    });
    await user.click(await screen.findByRole('button', { name: /^Cancel token 1/ }));
    await user.click(screen.getByRole('button', { name: 'Review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review the modification' });

    setEngineTree(
      processTree(activityInstance('join:1', 'join'), activityInstance('ship:1', 'ship')),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await user.click(
      await within(dialog).findByRole('button', {
        name: 'Remove those instructions and plan against the current state',
      }),
    );
    expect(
      within(await within(dialog).findByRole('list', { name: 'Removed from the plan' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Instruction 1: the token 1 it cancels is gone.']);
    // That was the whole plan: there is nothing left to send.
    expect(
      within(dialog).getByText(/none is left to send: close this and plan again/),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Apply as batch' })).toBeDisabled();
  });
});
