import { render } from '@testing-library/react';
import type { RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';

import { AppProviders } from '../app/app-providers';
import { createQueryClient } from '../lib/query-client';

/**
 * Renders `ui` inside the console's providers, with a fresh QueryClient that does not retry, so
 * error states show at once.
 */
export function renderWithProviders(
  ui: ReactElement,
  options: Omit<RenderOptions, 'wrapper'> = {},
) {
  const queryClient = createQueryClient({ retry: false });
  const user = userEvent.setup();
  const view = render(ui, {
    ...options,
    wrapper: ({ children }) => <AppProviders queryClient={queryClient}>{children}</AppProviders>,
  });
  return { ...view, queryClient, user };
}
