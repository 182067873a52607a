import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import type { ExceptionDto } from '../../api/camunda-dto';
import { getCredentials } from '../../api/credentials';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { SignInForm } from './sign-in-form';

const VERSION_URL = `${ENGINE_REST_URL}/version`;

describe('SignInForm', () => {
  it('keeps credentials the engine accepts for the session', async () => {
    server.use(
      http.get(VERSION_URL, ({ request }) =>
        request.headers.get('Authorization') === `Basic ${btoa('demo:demo')}`
          ? HttpResponse.json({ version: '7.24.0' })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    await user.type(screen.getByLabelText('User name'), 'demo');
    await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await vi.waitFor(() => {
      expect(handleSignedIn).toHaveBeenCalledOnce();
    });
    expect(getCredentials()).toEqual({ username: 'demo', password: 'demo' });
  });

  it('says so when the engine rejects the credentials', async () => {
    server.use(
      http.get(VERSION_URL, () =>
        HttpResponse.json<ExceptionDto>(
          { type: 'AuthenticationException', message: 'Unauthorized' },
          { status: 401 },
        ),
      ),
    );
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    await user.type(screen.getByLabelText('User name'), 'demo');
    await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Carbon's text inputs hold an empty role="alert" live region of their own.
    expect(await screen.findByText('Wrong user name or password')).toBeVisible();
    expect(handleSignedIn).not.toHaveBeenCalled();
    expect(getCredentials()).toBeNull();
  });

  it('asks for both fields before calling the engine', async () => {
    const { user } = renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your user name')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
  });
});
