import type { Locator, Page } from '@playwright/test';

/** The batch dashboard: running batches (polled) and finished ones from history. */
export class BatchesPage {
  readonly heading: Locator;
  readonly runningTable: Locator;
  readonly finishedTable: Locator;
  /** Error notifications; Carbon's empty live regions left out. */
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Batches', exact: true });
    this.runningTable = page.getByRole('table', { name: 'Running batches' });
    this.finishedTable = page.getByRole('table', { name: 'Finished batches' });
    this.alert = page.getByRole('alert').filter({ hasText: /\S/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/batches');
  }

  /** The running batch's row, found by the link to its page. */
  runningRow(batchId: string): Locator {
    return this.runningTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: batchId, exact: true }) });
  }

  progress(batchId: string): Locator {
    return this.runningRow(batchId).getByRole('progressbar');
  }

  action(batchId: string, name: 'Suspend' | 'Resume' | 'Delete'): Locator {
    return this.runningRow(batchId).getByRole('button', { name, exact: true });
  }
}

/** One batch's page: its fields, progress and failed jobs. */
export class BatchPage {
  readonly failedJobsTable: Locator;
  readonly retryAll: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.failedJobsTable = page.getByRole('table', { name: 'Failed jobs' });
    this.retryAll = page.getByRole('button', { name: 'Retry all failed jobs' });
    this.alert = page.getByRole('alert').filter({ hasText: /\S/ });
  }

  async goto(batchId: string): Promise<void> {
    await this.page.goto(`/batches/${encodeURIComponent(batchId)}`);
  }

  heading(batchId: string): Locator {
    return this.page.getByRole('heading', { name: `Batch ${batchId}` });
  }

  /** The value of a field of the details list, by its label, e.g. "Total jobs". */
  field(label: string): Locator {
    return this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  jobRow(jobId: string): Locator {
    return this.failedJobsTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: jobId, exact: true }) });
  }

  stacktrace(jobId: string): Locator {
    return this.page.getByLabel(`Stack trace of job ${jobId}`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
