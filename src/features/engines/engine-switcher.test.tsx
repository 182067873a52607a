import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { rememberSession } from '../../api/console-session';
import { engineRequest } from '../../api/engine-client';
import { DEFAULT_ENGINE_NAME } from '../../api/engine-constants';
import { storeEngineName } from '../../api/engine-selection';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { EngineSwitcher } from './engine-switcher';

const navigate = vi.fn();
vi.mock('@tanstack/react-router', () => ({ useNavigate: () => navigate }));

describe('EngineSwitcher', () => {
  afterEach(() => {
    storeEngineName(DEFAULT_ENGINE_NAME);
  });

  it('is absent when the server has one engine', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    server.use(
      http.get(`${ENGINE_REST_URL}/engine`, () => HttpResponse.json([{ name: 'default' }])),
    );
    renderWithProviders(<EngineSwitcher />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByLabelText('Engine')).not.toBeInTheDocument();
  });

  it('sends later requests to the chosen engine', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    let requested = '';
    server.use(
      http.get(`${ENGINE_REST_URL}/engine`, () =>
        HttpResponse.json([{ name: 'default' }, { name: 'payments' }]),
      ),
      http.get(`${ENGINE_REST_URL}/engine/payments/version`, ({ request }) => {
        requested = new URL(request.url).pathname;
        return HttpResponse.json({ version: '7.24.0' });
      }),
    );
    const { user } = renderWithProviders(<EngineSwitcher />);
    await user.selectOptions(await screen.findByLabelText('Engine'), 'payments');
    await engineRequest('/version');
    expect(requested).toBe('/engine-rest/engine/payments/version');
    expect(navigate).toHaveBeenCalledWith({ to: '/process-definitions' });
  });
});
