import type { Locator, Page } from '@playwright/test';

const COLUMNS = ['Name', 'Key', 'Version', 'Running instances', 'Incidents'] as const;
type Column = (typeof COLUMNS)[number];

export class ProcessDefinitionsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly signOut: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Process definitions' });
    this.table = page.getByRole('table', { name: 'Process definitions' });
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/process-definitions');
  }

  /** The row of the process named `name`. */
  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  cell(name: string, column: Column): Locator {
    return this.row(name).getByRole('cell').nth(COLUMNS.indexOf(column));
  }
}
