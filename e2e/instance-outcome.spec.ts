import type {
  HistoricProcessInstanceDto,
  UserOperationLogEntryDto,
} from '../contract/camunda/history';
import { expect, openInstance, test } from './fixtures';

/** What the operator sees once Apply has done its work: the outcome, where they are looking. */

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1440, height: 1000 } });

  test('ending the instance on purpose is a success, with its history', async ({
    page,
    engineRest,
    signInPage,
  }) => {
    const { key } = await engineRest.deployProcess('user-task.bpmn');
    const instance = await engineRest.startProcessInstance(key, { businessKey: 'END-ON-PURPOSE' });
    const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);

    await instancePage.clickDiagramElement('review');
    await workspace.action("Cancel the token at 'Review'").click();
    await workspace.reviewButton.click();
    await expect(workspace.reviewDialog.getByText('The process instance would end')).toBeVisible();
    await workspace.annotation.fill('Duplicate order, closed on purpose');
    await workspace.applyButton.click();

    await expect(page.getByText('The instance ended as planned')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByText('This process instance no longer exists')).toHaveCount(0);
    await expect(instancePage.endedOutcome).toBeFocused();
    await expect(instancePage.endedOutcome).toContainText('(EXTERNALLY_TERMINATED)');
    await expect(instancePage.operationLog).toContainText('ModifyProcessInstance');
    await expect(instancePage.operationLog).toContainText('Duplicate order, closed on purpose');
    await expect(
      page.getByRole('link', { name: 'Back to the instances of E2E user task' }),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/instance-ended-as-planned.png' });

    const history = await engineRest.get<HistoricProcessInstanceDto>(
      `/history/process-instance/${instance.id}`,
    );
    expect(history.state).toBe('EXTERNALLY_TERMINATED');
    const entries = await engineRest.get<UserOperationLogEntryDto[]>(
      `/history/user-operation?processInstanceId=${instance.id}&operationType=ModifyProcessInstance`,
    );
    expect(entries[0]?.annotation).toBe('Duplicate order, closed on purpose');

    // Opened afresh, the page did not just end it itself, but the history says it ended: no
    // error, and the operation log says who ended it and why.
    await instancePage.goto(instance.id);
    await expect(page.getByRole('status').filter({ hasText: 'has ended' })).toContainText(
      'EXTERNALLY_TERMINATED',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(instancePage.operationLog).toContainText('Duplicate order, closed on purpose');
    await page.screenshot({ path: 'test-results/instance-ended-reopened.png' });
  });

  test('a waiting async continuation says since when it waits', async ({
    page,
    engineRest,
    signInPage,
  }) => {
    const { key } = await engineRest.deployProcess('repair.bpmn');
    const instance = await engineRest.startProcessInstance(key, { businessKey: 'WAITING' });
    const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);

    await instancePage.clickDiagramElement('chargeCard');
    await expect(
      workspace.action(/^Cancel the waiting async continuation /),
    ).toHaveAccessibleDescription(/Waiting since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  });
});

test.describe('on a short screen', () => {
  // The panel is longer than the screen: Review and Apply sit far below its top.
  test.use({ viewport: { width: 1280, height: 640 } });

  test('the outcome of Apply comes into view and takes focus', async ({
    page,
    engineRest,
    signInPage,
  }) => {
    const { key } = await engineRest.deployProcess('repair.bpmn');
    const instance = await engineRest.startProcessInstance(key, { businessKey: 'OUTCOME' });
    const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);

    await instancePage.clickDiagramElement('chargeCard');
    await workspace.action('Move the token from here to another element…').click();
    await instancePage.clickDiagramElement('shipOrder');
    await workspace
      .action(/^Move here: cancel the token at .Charge card., start a new one before .Ship order./)
      .click();
    await workspace.reviewButton.scrollIntoViewIfNeeded();
    // The outcome shows right below the panel's heading.
    await expect(
      workspace.region.getByRole('heading', { name: 'Modify this instance' }),
    ).not.toBeInViewport();

    await workspace.reviewAndApply('Card charged by phone');

    await expect(workspace.outcome.getByText('The modification was applied')).toBeInViewport();
    await expect(workspace.outcome).toBeFocused();
    await page.screenshot({ path: 'test-results/instance-outcome-in-view.png' });
  });
});
