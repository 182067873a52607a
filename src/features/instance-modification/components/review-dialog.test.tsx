import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type {
  BatchDto,
  BatchStatisticsDto,
  HistoricBatchDto,
} from '../../../../contract/camunda/batch';
import type { ExceptionDto } from '../../../../contract/camunda/common';
import type { ProcessInstanceModificationDto } from '../../../../contract/camunda/modification';
import { rememberSession } from '../../../api/console-session';
import { RECORDING_ENGINE } from '../../../testing/engine-capability-handlers';
import { ENGINE_REST_URL, server } from '../../../testing/msw-server';
import {
  activityInstance,
  PROCESS_DEFINITION_KEY,
  processTree,
} from '../../../modification/testing/modification-fixtures';
import { renderWorkspace } from '../testing/render-workspace';
import type { RenderWorkspaceOptions } from '../testing/render-workspace';

const PREVIEW_TIMEOUT_MS = 10_000;
const MODIFICATION_URL = `${ENGINE_REST_URL}/process-instance/pi-1/modification`;

afterEach(() => {
  localStorage.clear();
});

/** A move from "Ship order" to "Escalate", then the review dialog opened. */
async function reviewMove(options: RenderWorkspaceOptions = {}) {
  const view = renderWorkspace({ initialSelection: 'ship', ...options });
  const { user } = view;
  await user.click(
    screen.getByRole('button', { name: 'Move the token from here to another element…' }),
  );
  const picker = screen.getByRole('combobox', { name: 'Element' });
  await user.clear(picker);
  await user.type(picker, 'escalate');
  await user.click(await screen.findByRole('option', { name: /Escalate/ }));
  await user.click(screen.getByRole('button', { name: /^Move here/ }));
  await user.click(screen.getByRole('button', { name: 'Review' }));
  const dialog = await screen.findByRole('dialog', { name: 'Review the modification' });
  return { ...view, dialog };
}

/** Both tokens of the running order cancelled, so the instance would end; the review opened. */
async function reviewEnding(user: ReturnType<typeof renderWorkspace>['user']) {
  const cancellations: [string, string][] = [
    ['Ship order', "Cancel the token at 'Ship order'"],
    ['Pick item', "Cancel the token at 'Pick item'"],
  ];
  for (const [name, action] of cancellations) {
    const picker = await screen.findByRole('combobox', { name: 'Element' });
    await user.clear(picker);
    await user.type(picker, name);
    await user.click(await screen.findByRole('option', { name: new RegExp(`^${name} \\[`) }));
    await user.click(screen.getByRole('button', { name: action }));
  }
  await user.click(screen.getByRole('button', { name: 'Review' }));
  return screen.findByRole('dialog', { name: 'Review the modification' });
}

describe('ReviewDialog', () => {
  it('shows the plan in words, the prediction, the JSON and a curl without the password', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    const { user, dialog } = await reviewMove();

    expect(
      within(within(dialog).getByRole('list', { name: 'Instructions to send' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      "Cancel the token at 'Ship order' (−1 at 'Ship order')",
      "Start a new token before 'Escalate' (+1 at 'Escalate')",
    ]);
    expect(
      within(dialog).getByText("Tokens in total: −1 at 'Ship order', +1 at 'Escalate'."),
    ).toBeInTheDocument();

    // The first preview loads the engine chunk and parses the diagram.
    const predicted = await within(dialog).findByRole(
      'list',
      { name: 'Predicted activity instances' },
      { timeout: PREVIEW_TIMEOUT_MS },
    );
    expect(predicted).toHaveTextContent("Process instance'Pick items''Pick item''Escalate' (new)");

    await user.type(within(dialog).getByLabelText('Annotation (required)'), 'Ticket 42');
    const json = within(dialog).getByLabelText('Request body (JSON)');
    expect(JSON.parse(json.textContent)).toEqual({
      instructions: [
        { type: 'cancel', activityId: 'ship' },
        { type: 'startBeforeActivity', activityId: 'escalate' },
      ],
      skipCustomListeners: false,
      skipIoMappings: false,
      annotation: 'Ticket 42',
    });

    const curl = within(dialog).getByLabelText('curl command').textContent;
    expect(curl).toContain(`curl -X POST '${MODIFICATION_URL}'`);
    expect(curl).toContain("-u 'demo:***'");
    expect(curl).not.toContain('s3cret');

    await user.click(within(dialog).getByRole('button', { name: 'Copy as curl' }));
    expect(await navigator.clipboard.readText()).toBe(curl);
    expect(
      within(dialog).getByText('The curl command copied to the clipboard.'),
    ).toBeInTheDocument();

    // The same body, to the batch variant of the endpoint.
    await user.click(within(dialog).getByRole('button', { name: 'Copy as curl (batch)' }));
    const batchCurl = await navigator.clipboard.readText();
    expect(batchCurl).toContain(`curl -X POST '${MODIFICATION_URL}-async'`);
    expect(batchCurl).toContain(`-d '${JSON.stringify(JSON.parse(json.textContent))}'`);
  });

  it('opens with the focus on the review from its top, not on Close', async () => {
    const { dialog } = await reviewMove();
    // The scrolling review that holds the plan (Carbon names it after the dialog's label): a
    // keyboard reads and scrolls it from its first line, and Tab goes on into it.
    const review = within(dialog).getByRole('region', { name: 'Process instance pi-1' });
    await waitFor(() => {
      expect(review).toHaveFocus();
    });
    expect(within(review).getByRole('list', { name: 'Instructions to send' })).toBeVisible();
  });

  it('asks for the annotation, then applies, forgets the plan and says so', async () => {
    let body: ProcessInstanceModificationDto | undefined;
    server.use(
      http.post(MODIFICATION_URL, async ({ request }) => {
        body = (await request.json()) as ProcessInstanceModificationDto;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, dialog } = await reviewMove();

    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(
      await within(dialog).findByText('Say why: this console asks for the reason of every repair.'),
    ).toBeInTheDocument();
    expect(body).toBeUndefined();

    await user.type(within(dialog).getByLabelText('Annotation (required)'), 'Stuck shipment');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('The modification was applied')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(body).toEqual({
      instructions: [
        { type: 'cancel', activityId: 'ship' },
        { type: 'startBeforeActivity', activityId: 'escalate' },
      ],
      skipCustomListeners: false,
      skipIoMappings: false,
      annotation: 'Stuck shipment',
    });
    expect(screen.queryByRole('list', { name: 'Instructions' })).not.toBeInTheDocument();
    expect(localStorage.getItem('repair-plan:pi-1')).toBeNull();
  });

  it('brings the outcome into view and focus after Apply, at the top of the panel', async () => {
    server.use(http.post(MODIFICATION_URL, () => new HttpResponse(null, { status: 204 })));
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    const onApplyEnding = vi.fn();
    const { user, dialog } = await reviewMove({ onApplyEnding });

    await user.type(within(dialog).getByLabelText('Annotation (required)'), 'Stuck shipment');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('The modification was applied')).toBeInTheDocument();
    const outcome = screen.getByRole('group', { name: 'Outcome of the last apply' });
    await waitFor(() => {
      expect(outcome).toHaveFocus();
    });
    expect(scrolled.mock.contexts).toContain(outcome);
    // The instance keeps running: nothing for the page to follow.
    expect(onApplyEnding).not.toHaveBeenCalled();
    scrolled.mockRestore();
  });

  it('hands the page the apply of a plan that ends the instance, and forgets the plan', async () => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.post(MODIFICATION_URL, async () => {
        await answered;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const followed: Promise<void>[] = [];
    const { user, unmount } = renderWorkspace({
      onApplyEnding: (applying) => {
        followed.push(applying);
      },
    });
    const dialog = await reviewEnding(user);
    expect(
      await within(dialog).findByText(
        'The process instance would end',
        {},
        { timeout: PREVIEW_TIMEOUT_MS },
      ),
    ).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Annotation (required)'), 'Close it');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(followed).toHaveLength(1);
    });
    // As on the instance page, which shows the end instead of the workspace before the request
    // has settled.
    unmount();
    answer();

    await expect(followed[0]).resolves.toBeUndefined();
    expect(localStorage.getItem('repair-plan:pi-1')).toBeNull();
  });

  it("shows Camunda's error, keeps the plan and the dialog, and cannot be sent twice", async () => {
    let requests = 0;
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.post(MODIFICATION_URL, async () => {
        requests += 1;
        await answered;
        return HttpResponse.json<ExceptionDto>(
          {
            type: 'NotValidException',
            message:
              "Cannot perform instruction: Start before activity 'escalate'; Element 'escalate' does not exist in process 'order:1:def-1'",
            code: 0,
          },
          { status: 400 },
        );
      }),
    );
    const { user, dialog } = await reviewMove({ annotationRequired: false });

    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    const applying = await within(dialog).findByRole('button', { name: 'Applying…' });
    expect(applying).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Apply as batch' })).toBeDisabled();
    await user.click(applying);
    answer();

    await within(dialog).findByText('The modification was not applied');
    // Carbon's text area keeps an empty alert of its own for its character counter.
    const [alert] = within(dialog)
      .getAllByRole('alert')
      .filter((element) => element.textContent !== '');
    expect(alert).toHaveTextContent(
      "NotValidException: Cannot perform instruction: Start before activity 'escalate'",
    );
    expect(requests).toBe(1);
    expect(screen.getByRole('dialog', { name: 'Review the modification' })).toBeInTheDocument();
    expect(localStorage.getItem('repair-plan:pi-1')).not.toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('list', { name: 'Instructions' })).toBeInTheDocument();
  });

  it('stops before sending when the instance changed, and says what changed', async () => {
    let requests = 0;
    server.use(
      http.post(MODIFICATION_URL, () => {
        requests += 1;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, dialog } = await reviewMove({
      annotationRequired: false,
      currentTree: processTree(
        activityInstance('sub:1', 'sub', activityInstance('pick:1', 'pick')),
        activityInstance('decide:1', 'decide'),
      ),
    });

    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    expect(
      await within(dialog).findByText(
        'The instance changed since the plan was made – nothing was sent',
      ),
    ).toBeInTheDocument();
    expect(
      within(within(dialog).getByRole('list', { name: 'What changed' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      "'Ship order': 1 token when the plan was made, 0 tokens now",
      "'Paid?': 0 tokens when the plan was made, 1 token now",
    ]);
    expect(requests).toBe(0);

    await user.click(
      within(dialog).getByRole('button', { name: 'Plan against the current state' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => {
      expect(requests).toBe(1);
    });
  });

  it('refuses a batch for a plan with variables, since Camunda would drop them', async () => {
    const { user } = renderWorkspace({ initialSelection: 'escalate' });
    await user.click(screen.getByRole('button', { name: "Start before 'Escalate'" }));
    await user.click(screen.getByRole('button', { name: 'Edit variables (0) of instruction 1' }));
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await user.type(screen.getByLabelText('Name of variable 1'), 'note');
    await user.click(screen.getByRole('button', { name: 'Save variables' }));
    await user.click(await screen.findByRole('button', { name: 'Review' }));

    const dialog = await screen.findByRole('dialog', { name: 'Review the modification' });
    const batch = within(dialog).getByRole('button', { name: 'Apply as batch' });
    expect(batch).toBeDisabled();
    expect(batch).toHaveAccessibleDescription(
      'Apply as batch is not possible: Camunda drops instruction variables in batches: apply directly, or remove the variables.',
    );
  });

  it('offers only what the user may do, and says which permission is missing', async () => {
    const asked: string[] = [];
    const { dialog } = await reviewMove({
      capabilities: {
        ...RECORDING_ENGINE,
        // john: may update instances of this definition, may not create batches.
        granted: ({ permissionName, resourceName, resourceType, resourceId }) => {
          asked.push(
            `${permissionName} ${resourceName}(${String(resourceType)}) ${resourceId ?? ''}`,
          );
          return permissionName === 'UPDATE_INSTANCE' && resourceId === PROCESS_DEFINITION_KEY;
        },
      },
    });

    const batch = within(dialog).getByRole('button', { name: 'Apply as batch' });
    await waitFor(() => {
      expect(batch).toBeDisabled();
    });
    expect(batch).toHaveAccessibleDescription(
      'You may not apply this as a batch: that needs CREATE_BATCH_MODIFY_PROCESS_INSTANCES on every batch or CREATE on every batch. An administrator can grant it.',
    );
    expect(within(dialog).getByRole('button', { name: 'Apply' })).toBeEnabled();
    expect(asked).toEqual(
      expect.arrayContaining([
        'UPDATE ProcessInstance(8) pi-1',
        `UPDATE_INSTANCE ProcessDefinition(6) ${PROCESS_DEFINITION_KEY}`,
        'CREATE_BATCH_MODIFY_PROCESS_INSTANCES Batch(13) *',
        'CREATE Batch(13) *',
      ]),
    );
  });

  it('does not offer to apply when the user may neither update the instance nor create batches', async () => {
    const { dialog } = await reviewMove({
      capabilities: { ...RECORDING_ENGINE, granted: () => false },
    });

    const apply = within(dialog).getByRole('button', { name: 'Apply' });
    await waitFor(() => {
      expect(apply).toBeDisabled();
    });
    expect(apply).toHaveAccessibleDescription(
      `You may not modify this instance: that needs UPDATE on process instance pi-1 or UPDATE_INSTANCE on process definition ${PROCESS_DEFINITION_KEY}. An administrator can grant it.`,
    );
    // The workspace says so before the dialog: planning stays possible, applying does not.
    expect(screen.getByText('You can plan here, but not apply')).toBeInTheDocument();
  });

  it('asks for DELETE as well when the plan cancels the last tokens, as Camunda does', async () => {
    const { user } = renderWorkspace({
      capabilities: {
        ...RECORDING_ENGINE,
        granted: ({ permissionName }) => permissionName.startsWith('UPDATE'),
      },
    });
    const dialog = await reviewEnding(user);

    const apply = within(dialog).getByRole('button', { name: 'Apply' });
    await waitFor(
      () => {
        expect(apply).toBeDisabled();
      },
      { timeout: PREVIEW_TIMEOUT_MS },
    );
    expect(apply).toHaveAccessibleDescription(
      `You may not cancel the last tokens of this instance, which deletes it: that needs DELETE on process instance pi-1 or DELETE_INSTANCE on process definition ${PROCESS_DEFINITION_KEY}. An administrator can grant it.`,
    );
  });

  it('applies as a batch and follows it until it is done', async () => {
    const batch: BatchDto = {
      id: 'batch-1',
      type: 'instance-modification',
      totalJobs: 1,
      jobsCreated: 0,
      batchJobsPerSeed: 100,
      invocationsPerBatchJob: 1,
      seedJobDefinitionId: 'seed-def',
      monitorJobDefinitionId: 'monitor-def',
      batchJobDefinitionId: 'batch-def',
      suspended: false,
      tenantId: null,
      createUserId: 'demo',
      startTime: '2024-05-01T10:00:00.000+0000',
      executionStartTime: null,
    };
    let finished = false;
    server.use(
      http.post(`${MODIFICATION_URL}-async`, () => HttpResponse.json(batch)),
      http.get(`${ENGINE_REST_URL}/batch/statistics`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('batchId')).toBe('batch-1');
        return HttpResponse.json<BatchStatisticsDto[]>(
          finished ? [] : [{ ...batch, remainingJobs: 1, completedJobs: 0, failedJobs: 0 }],
        );
      }),
      http.get(`${ENGINE_REST_URL}/job`, () =>
        HttpResponse.json([
          {
            id: 'job-1',
            jobDefinitionId: 'batch-def',
            exceptionMessage: 'ENGINE-13036 Process instance cannot be modified',
            retries: 2,
          },
        ]),
      ),
      http.get(`${ENGINE_REST_URL}/history/batch/batch-1`, () =>
        HttpResponse.json<Partial<HistoricBatchDto>>({
          ...batch,
          endTime: '2024-05-01T10:01:00.000+0000',
        }),
      ),
    );
    const { user, dialog } = await reviewMove({ annotationRequired: false });

    await user.click(within(dialog).getByRole('button', { name: 'Apply as batch' }));

    expect(
      await screen.findByText('0 of 1 job completed · 1 remaining · 0 failed'),
    ).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Batch batch-1' })).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Job job-1: ENGINE-13036 Process instance cannot be modified (2 retries left)',
      ),
    ).toBeInTheDocument();
    finished = true;
    expect(await screen.findByText('The batch has finished')).toBeInTheDocument();
    expect(
      screen.getByText('All its jobs have run; it ended', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Instructions' })).not.toBeInTheDocument();
  });
});
