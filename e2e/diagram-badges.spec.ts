import type { Locator, Page } from '@playwright/test';

import type { EngineRest } from './fixtures';
import { expect, openInstance, test } from './fixtures';
import { ProcessInstancePage } from './pages/process-instance-page';
import type { SignInPage } from './pages/sign-in-page';

/**
 * What the plan shows on the instance diagram, in Chromium. The fixture (`diagram-badges.bpmn`)
 * waits at Review; its flow "rework" bends down and right below Approve and Archive, so the
 * top-right corner of the flow's bounding box lies on Archive; Approve is a parallel
 * multi-instance of 4.
 */
test.use({ viewport: { width: 1440, height: 1000 } });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function openNewInstance(page: Page, engineRest: EngineRest, signInPage: SignInPage) {
  const { key } = await engineRest.deployProcess('diagram-badges.bpmn');
  const instance = await engineRest.startProcessInstance(key);
  return openInstance(page, signInPage, instance.id);
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (box === null) {
    throw new Error('The element has no box on screen');
  }
  return box;
}

function centre({ x, y, width, height }: Box) {
  return { x: x + width / 2, y: y + height / 2 };
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The point halfway along a flow's drawn line, in page pixels. */
async function middleOfLine(instancePage: ProcessInstancePage, flowId: string) {
  return instancePage
    .diagramElement(flowId)
    .locator('.djs-visual > path')
    .evaluate((path: SVGPathElement) => {
      const point = path.getPointAtLength(path.getTotalLength() / 2);
      const onScreen = new DOMPoint(point.x, point.y).matrixTransform(
        path.getScreenCTM() ?? undefined,
      );
      return { x: onScreen.x, y: onScreen.y };
    });
}

test('puts the badge of a token started on a flow on the flow’s line, off the next task', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instancePage, workspace } = await openNewInstance(page, engineRest, signInPage);
  await workspace.chooseElement('rework', /^rework \[rework\]/);
  await workspace.action(/^Start a token on this sequence flow/).click();

  const badge = instancePage.badge('rework', 'The plan adds 1 token');
  await expect(badge).toHaveText('+1');
  const badgeBox = await boxOf(badge);
  const archive = await boxOf(instancePage.diagramElement('archive'));
  expect(overlap(badgeBox, archive)).toBe(false);
  const middle = await middleOfLine(instancePage, 'rework');
  const { x, y } = centre(badgeBox);
  expect(Math.hypot(x - middle.x, y - middle.y)).toBeLessThan(2);

  await instancePage.diagram.screenshot({ path: 'test-results/diagram-badge-flow.png' });
});

test('counts the instances a whole multi-instance starts, as the predicted result does', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instancePage, workspace } = await openNewInstance(page, engineRest, signInPage);
  await workspace.chooseElement('approve', /^Approve \[approve\]/);
  await workspace.action('Start the whole multi-instance (all 4 instances)').click();

  await expect(instancePage.badge('approve', 'The plan adds 4 tokens')).toHaveText('+4');
  await instancePage.diagram.screenshot({ path: 'test-results/diagram-badge-multi-instance.png' });

  await workspace.reviewButton.click();
  const predicted = workspace.reviewDialog.getByRole('list', {
    name: 'Predicted activity instances',
  });
  await expect(predicted.getByText("'Approve' (new)", { exact: true })).toHaveCount(4);
  await expect(workspace.reviewDialog).toContainText("Tokens in total: +4 at 'Approve'.");
});

test('a second click keeps the selection and its actions; Escape deselects', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instancePage, workspace } = await openNewInstance(page, engineRest, signInPage);
  const actions = workspace.region.getByRole('heading', { name: "Actions for 'Archive'" });

  await instancePage.clickDiagramElement('archive');
  await expect(actions).toBeVisible();
  await instancePage.clickDiagramElement('archive');
  await expect(actions).toBeVisible();
  await expect(instancePage.diagramElement('archive')).toContainClass('diagram-marker--selected');

  // Escape closes the review dialog first, and only that. (A click on its text first: with the
  // focus on its Close button, Carbon's tooltip there takes the first Escape for itself.)
  await workspace.action("Start before 'Archive'").click();
  await workspace.reviewButton.click();
  await workspace.reviewDialog
    .getByRole('heading', { name: 'Instructions, in this order' })
    .click();
  await page.keyboard.press('Escape');
  await expect(workspace.reviewDialog).toBeHidden();
  await expect(actions).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(actions).toBeHidden();
  await expect(instancePage.diagramElement('archive')).not.toContainClass(
    'diagram-marker--selected',
  );
});
