import type { Locator, Page } from '@playwright/test';

export class ProcessInstancePage {
  readonly diagram: Locator;
  readonly tree: Locator;
  readonly variablesTab: Locator;
  readonly incidentsTab: Locator;
  readonly variablesTable: Locator;
  readonly incidentsTable: Locator;
  readonly operationLog: Locator;
  /** What the page shows instead of the instance once a plan applied here has ended it. */
  readonly endedOutcome: Locator;

  constructor(private readonly page: Page) {
    this.diagram = page.getByRole('figure', { name: 'Process diagram' });
    this.tree = page.getByRole('tree', { name: 'Activity instances' });
    this.variablesTab = page.getByRole('tab', { name: /^Variables/ });
    this.incidentsTab = page.getByRole('tab', { name: /^Incidents/ });
    this.variablesTable = page.getByRole('table', { name: 'Variables' });
    this.incidentsTable = page.getByRole('table', { name: 'Incidents' });
    this.operationLog = page.getByRole('region', { name: 'Operation log of this instance' });
    this.endedOutcome = page.getByRole('group', { name: 'Outcome' });
  }

  async goto(processInstanceId: string): Promise<void> {
    await this.page.goto(`/process-instances/${processInstanceId}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The diagram once bpmn-js has imported and fitted it. */
  get readyDiagram(): Locator {
    return this.page.locator('[data-diagram-state="ready"]');
  }

  /** A shape or sequence flow of the diagram, by BPMN element id. */
  diagramElement(elementId: string): Locator {
    return this.diagram.locator(`[data-element-id="${elementId}"]`);
  }

  /**
   * Clicks the middle of an element's box. A straight sequence flow's box has no height, which
   * Playwright counts as invisible, so its `click()` would wait forever; bpmn-js' wide hit area
   * around the line still takes a click there. The element is scrolled into view first: a click
   * at coordinates outside the viewport lands nowhere.
   */
  async clickDiagramElement(elementId: string): Promise<void> {
    const element = this.diagramElement(elementId);
    await element.evaluate((node) => {
      node.scrollIntoView({ block: 'center', inline: 'center' });
    });
    const box = await element.boundingBox();
    if (box === null) {
      throw new Error(`The diagram shows no element ${elementId}`);
    }
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** The overlays bpmn-js placed on an element (its badges). */
  overlays(elementId: string): Locator {
    return this.diagram.locator(`.djs-overlays[data-container-id="${elementId}"]`);
  }

  /** One badge on an element, by its accessible name, e.g. "1 active". */
  badge(elementId: string, name: string): Locator {
    return this.overlays(elementId).getByRole('img', { name, exact: true });
  }

  /** The tree node of an activity (or transition) instance, by the activity's name. */
  treeNode(activityName: string): Locator {
    return this.tree.getByRole('treeitem', { name: new RegExp(`^${activityName}\\b`) });
  }

  /**
   * Clicks a tree node on its own label: a parent node's box also holds its children, so a click
   * on its centre could land on one of them.
   */
  async selectTreeNode(activityName: string): Promise<void> {
    await this.treeNode(activityName).getByText(activityName, { exact: true }).first().click();
  }

  variableRow(name: string): Locator {
    return this.variablesTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }
}
