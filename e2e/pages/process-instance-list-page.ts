import type { Locator, Page } from '@playwright/test';

export class ProcessInstanceListPage {
  /** The table's scroll container; the table inside renders only the rows near its viewport. */
  readonly scrollArea: Locator;
  readonly table: Locator;
  /** The number of (matching) running instances in the header. */
  readonly count: Locator;
  readonly businessKey: Locator;
  readonly activity: Locator;
  readonly variable: Locator;
  readonly withIncidents: Locator;
  readonly apply: Locator;
  readonly clearFilters: Locator;

  constructor(private readonly page: Page) {
    this.scrollArea = page.getByRole('region', { name: 'Process instances' });
    this.table = page.getByRole('table', { name: 'Process instances' });
    this.count = page.getByRole('status');
    this.businessKey = page.getByLabel('Business key');
    this.activity = page.getByLabel('Active activity');
    this.variable = page.getByLabel('Variable value');
    this.withIncidents = page.getByLabel('With incidents');
    this.apply = page.getByRole('button', { name: 'Apply' });
    this.clearFilters = page.getByRole('button', { name: 'Clear filters' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  /** The row of the instance with `businessKey`, once it is rendered. */
  row(businessKey: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: businessKey, exact: true }) });
  }

  /** Scrolls the table to its last row, as dragging the scrollbar down would. */
  async scrollToBottom(): Promise<void> {
    await this.scrollArea.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
  }

  async filterByBusinessKey(businessKey: string): Promise<void> {
    await this.businessKey.fill(businessKey);
    await this.businessKey.press('Enter');
  }

  async filterByVariable(condition: string): Promise<void> {
    await this.variable.fill(condition);
    await this.variable.press('Enter');
  }
}
