import type { Locator, Page } from '@playwright/test';

export class ProcessInstanceListPage {
  /** The table's scroll container; the table inside renders only the rows near its viewport. */
  readonly scrollArea: Locator;
  readonly table: Locator;
  /** The number of (matching) running instances in the header. */
  readonly count: Locator;
  readonly businessKey: Locator;
  readonly activity: Locator;
  readonly addVariableCondition: Locator;
  readonly withIncidents: Locator;
  readonly apply: Locator;
  readonly clearFilters: Locator;

  constructor(private readonly page: Page) {
    this.scrollArea = page.getByRole('region', { name: 'Process instances' });
    this.table = page.getByRole('table', { name: 'Process instances' });
    this.count = page.getByRole('status');
    this.businessKey = page.getByLabel('Business key');
    this.activity = page.getByLabel('Active activity');
    this.addVariableCondition = page.getByRole('button', { name: 'Add a variable condition' });
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

  /** The fields of variable condition `n` (from 1): name, operator, type and value. */
  condition(n: number): { name: Locator; operator: Locator; type: Locator; value: Locator } {
    const of = ` of condition ${String(n)}`;
    return {
      name: this.page.getByLabel(`Variable${of}`, { exact: true }),
      operator: this.page.getByLabel(`Operator${of}`, { exact: true }),
      type: this.page.getByLabel(`Type${of}`, { exact: true }),
      value: this.page.getByLabel(`Value${of}`, { exact: true }),
    };
  }

  /**
   * Fills condition `n` (added if the form has fewer) and applies the filters. The name is typed
   * first, so the type the engine holds is preselected; `type` then overrides it, if given.
   */
  async filterByVariable(
    n: number,
    {
      name,
      operator,
      type,
      value,
    }: { name: string; operator: string; type?: string; value: string },
  ): Promise<void> {
    const condition = this.condition(n);
    if ((await condition.name.count()) === 0) {
      await this.addVariableCondition.click();
    }
    await condition.name.fill(name);
    if (type !== undefined) {
      await condition.type.selectOption(type);
    }
    await condition.operator.selectOption({ label: operator });
    await condition.value.fill(value);
    await condition.value.press('Enter');
  }

  /** The variable conditions the URL carries, as the console wrote them. */
  variablesInUrl(): unknown {
    const text = new URL(this.page.url()).searchParams.get('variables');
    return text === null ? null : (JSON.parse(text) as unknown);
  }
}
