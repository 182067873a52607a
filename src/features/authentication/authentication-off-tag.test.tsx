import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { engineCapabilityQueries } from '../../api/engine-capabilities';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { AuthenticationOffTag } from './authentication-off-tag';

describe('AuthenticationOffTag', () => {
  it('marks an engine that accepts any credentials, and explains on demand', async () => {
    server.use(
      http.get(`${ENGINE_REST_URL}/version`, () => HttpResponse.json({ version: '7.22.0' })),
    );
    const { user } = renderWithProviders(<AuthenticationOffTag />);

    await user.click(
      await screen.findByRole('button', { name: 'Authentication off: what this means' }),
    );

    expect(
      screen.getByText(/anyone who can reach it can change it, and it records no user/i),
    ).toBeVisible();
  });

  it('is absent where credentials are checked', async () => {
    server.use(
      http.get(`${ENGINE_REST_URL}/version`, () => new HttpResponse(null, { status: 401 })),
    );
    const { queryClient } = renderWithProviders(<AuthenticationOffTag />);

    await vi.waitFor(() => {
      expect(queryClient.getQueryData(engineCapabilityQueries.authentication().queryKey)).toBe(
        'on',
      );
    });
    expect(screen.queryByText('Authentication off')).not.toBeInTheDocument();
  });
});
