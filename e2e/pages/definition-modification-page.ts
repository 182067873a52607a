import type { Locator, Page } from '@playwright/test';

/** The definition page's "Modify many instances" panel, the instance list's ticks and the review. */
export class DefinitionModificationPage {
  readonly open: Locator;
  readonly panel: Locator;
  readonly elementPicker: Locator;
  /** How many instances the request touches, as the panel says it. */
  readonly count: Locator;
  readonly byTickedRows: Locator;
  readonly byQuery: Locator;
  readonly historyQuery: Locator;
  readonly instructions: Locator;
  readonly review: Locator;
  readonly dialog: Locator;
  readonly annotation: Locator;
  readonly requestBody: Locator;
  readonly runAsBatch: Locator;
  readonly businessKeyFilter: Locator;
  /** What the check of running modification batches found. */
  readonly overlap: Locator;

  constructor(private readonly page: Page) {
    this.open = page.getByRole('button', { name: 'Modify instances…' });
    this.panel = page.getByRole('region', { name: 'Modify many instances' });
    this.elementPicker = this.panel.getByRole('combobox', { name: 'Element' });
    this.count = this.panel.getByRole('status', { name: 'Instances the request touches' });
    this.byTickedRows = this.panel.getByRole('radio', { name: /^The ticked rows/ });
    this.byQuery = this.panel.getByRole('radio', { name: /^A query with the list's filters/ });
    this.historyQuery = this.panel.getByRole('radio', { name: /^History, unfinished only/ });
    this.instructions = this.panel.getByRole('list', { name: 'Instructions' });
    this.review = this.panel.getByRole('button', { name: 'Review the modification…' });
    this.dialog = page.getByRole('dialog', { name: 'Review the modification of many instances' });
    this.annotation = this.dialog.getByLabel('Annotation (required)');
    this.requestBody = this.dialog.getByLabel('Request body (JSON)');
    this.runAsBatch = this.dialog.getByRole('button', { name: 'Run as batch' });
    this.businessKeyFilter = page.getByLabel('Business key', { exact: true });
    this.overlap = this.panel.getByText(
      /running modification batch|No modification batch is running|cannot be known/,
    );
  }

  async goto(processDefinitionId: string): Promise<void> {
    await this.page.goto(`/process-definitions/${encodeURIComponent(processDefinitionId)}`);
  }

  /** A shape or flow of the panel's diagram, by its BPMN id. */
  diagramElement(elementId: string): Locator {
    return this.panel.locator(`.djs-element[data-element-id="${elementId}"]`);
  }

  action(name: string | RegExp): Locator {
    return this.panel.getByRole('button', { name });
  }

  /** Picks an element from the keyboard: type, then choose the matching option. */
  async pickElement(text: string): Promise<void> {
    await this.elementPicker.fill(text);
    await this.panel.getByRole('option', { name: new RegExp(`^${text}`) }).click();
  }

  tick(businessKey: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select instance ${businessKey}`, exact: true });
  }

  /** Ticks a Carbon checkbox or radio button the way a pointer does: its label covers the input. */
  async choose(input: Locator): Promise<void> {
    const id = await input.getAttribute('id');
    await this.page.locator(`label[for="${id ?? ''}"]`).click();
  }

  modifyNow(count: number): Locator {
    return this.dialog.getByRole('button', { name: `Modify ${String(count)} instances now` });
  }

  async filterByBusinessKey(pattern: string): Promise<void> {
    await this.businessKeyFilter.fill(pattern);
    await this.businessKeyFilter.press('Enter');
  }
}
