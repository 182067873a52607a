import type { Locator, Page } from '@playwright/test';

export class OperationLogPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly instanceFilter: Locator;
  readonly applyFilters: Locator;
  /** The open confirmation dialog for clearing an annotation. */
  readonly clearDialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Operation log' });
    this.table = page.getByRole('table', { name: 'Operation log' });
    this.instanceFilter = page.getByLabel('Process instance ID');
    this.applyFilters = page.getByRole('button', { name: 'Apply filters' });
    this.clearDialog = page.getByRole('dialog', { name: 'Clear the annotation?' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/operation-log');
  }

  async filterByInstance(processInstanceId: string): Promise<void> {
    await this.instanceFilter.fill(processInstanceId);
    await this.applyFilters.click();
  }

  /** The row of the (only) logged operation of this type. */
  operationRow(operationType: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: operationType, exact: true }) });
  }

  async startEditing(operationType: string): Promise<void> {
    await this.operationRow(operationType).getByRole('button', { name: 'Edit annotation' }).click();
  }

  /** Replaces the text in the open editor and saves it. */
  async saveAnnotation(operationType: string, annotation: string): Promise<void> {
    const row = this.operationRow(operationType);
    await row.getByRole('textbox', { name: 'Annotation' }).fill(annotation);
    await row.getByRole('button', { name: 'Save' }).click();
  }

  /** Asks to clear; the confirmation dialog opens. */
  async startClearing(operationType: string): Promise<void> {
    await this.operationRow(operationType)
      .getByRole('button', { name: 'Clear annotation' })
      .click();
  }

  async confirmClearing(): Promise<void> {
    await this.clearDialog.getByRole('button', { name: 'Clear annotation' }).click();
  }

  /** Expands the operation's row and returns its what-changed panel. */
  async showChanges(operationType: string): Promise<Locator> {
    await this.operationRow(operationType)
      .getByRole('button', { name: 'Operation details' })
      .click();
    return this.page.getByRole('region', { name: 'What changed' });
  }
}
