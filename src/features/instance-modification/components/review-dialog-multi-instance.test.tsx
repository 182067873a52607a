import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { renderWorkspace } from '../testing/render-workspace';

const PREVIEW_TIMEOUT_MS = 10_000;

afterEach(() => {
  localStorage.clear();
});

describe('ReviewDialog with a whole multi-instance', () => {
  it('counts the instances the predicted result starts, in each line and in total', async () => {
    const { user } = renderWorkspace({ initialSelection: 'approve' });
    await user.click(
      screen.getByRole('button', { name: 'Start the whole multi-instance (all 3 instances)' }),
    );
    await user.click(screen.getByRole('button', { name: 'Review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review the modification' });

    // The first preview loads the engine chunk and parses the diagram.
    const predicted = await within(dialog).findByRole(
      'list',
      { name: 'Predicted activity instances' },
      { timeout: PREVIEW_TIMEOUT_MS },
    );
    // The body is "'Approve' (whole multi-instance)"; its instances are "'Approve'".
    expect(within(predicted).getAllByText("'Approve'")).toHaveLength(3);
    expect(
      within(within(dialog).getByRole('list', { name: 'Instructions to send' })).getByRole(
        'listitem',
      ),
    ).toHaveTextContent(/\(\+3 at 'Approve'\)$/);
    expect(within(dialog).getByText("Tokens in total: +3 at 'Approve'.")).toBeInTheDocument();
  });
});
