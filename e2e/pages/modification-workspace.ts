import type { Locator, Page } from '@playwright/test';

/** The "Modify this instance" panel of the instance page and its review dialog. */
export class ModificationWorkspace {
  readonly region: Locator;
  readonly elementPicker: Locator;
  readonly instructions: Locator;
  readonly reviewButton: Locator;
  readonly reviewDialog: Locator;
  readonly annotation: Locator;
  readonly applyButton: Locator;
  readonly applyAsBatchButton: Locator;
  readonly requestBody: Locator;
  /** Where the outcome of the last apply shows, at the top of the panel. */
  readonly outcome: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Modify this instance' });
    this.elementPicker = this.region.getByRole('combobox', { name: 'Element' });
    this.instructions = this.region.getByRole('list', { name: 'Instructions', exact: true });
    this.reviewButton = this.region.getByRole('button', { name: 'Review', exact: true });
    this.reviewDialog = page.getByRole('dialog', { name: 'Review the modification' });
    this.annotation = this.reviewDialog.getByLabel(/^Annotation/);
    this.applyButton = this.reviewDialog.getByRole('button', { name: 'Apply', exact: true });
    this.applyAsBatchButton = this.reviewDialog.getByRole('button', { name: 'Apply as batch' });
    this.requestBody = this.reviewDialog.getByLabel('Request body (JSON)');
    this.outcome = this.region.getByRole('group', { name: 'Outcome of the last apply' });
  }

  /** A button of the selected element's action list, e.g. "Start before 'Ship order'". */
  action(name: string | RegExp): Locator {
    return this.region.getByRole('button', { name });
  }

  /** Chooses an element by typing into the searchable picker, as a keyboard user would. */
  async chooseElement(search: string, option: string | RegExp): Promise<void> {
    await this.elementPicker.fill(search);
    await this.page.getByRole('option', { name: option }).click();
  }

  /** The n-th instruction (1-based) of the plan. */
  instruction(position: number): Locator {
    return this.instructions.getByRole('listitem').nth(position - 1);
  }

  /** Opens the review dialog, writes the annotation and presses Apply (or Apply as batch). */
  async reviewAndApply(annotation: string, mode: 'sync' | 'batch' = 'sync'): Promise<void> {
    await this.reviewButton.click();
    await this.annotation.fill(annotation);
    await (mode === 'sync' ? this.applyButton : this.applyAsBatchButton).click();
  }
}
