import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import type { ExceptionDto } from '../../api/camunda-dto';
import { getCredentials, hasSession } from '../../api/credentials';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { SignInForm } from './sign-in-form';

const VERSION_URL = `${ENGINE_REST_URL}/version`;

/** Only demo/demo passes; Camunda's filter refuses the rest with an empty 401. */
function engineWithDemoUser() {
  return http.get(VERSION_URL, ({ request }) =>
    request.headers.get('Authorization') === `Basic ${btoa('demo:demo')}`
      ? HttpResponse.json({ version: '7.24.0' })
      : new HttpResponse(null, { status: 401 }),
  );
}

async function submit(user: ReturnType<typeof renderWithProviders>['user'], password: string) {
  await user.type(screen.getByLabelText('User name'), 'demo');
  await user.type(screen.getByLabelText('Password', { selector: 'input' }), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('keeps credentials the engine accepts for the session', async () => {
    server.use(engineWithDemoUser());
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    await submit(user, 'demo');

    await vi.waitFor(() => {
      expect(handleSignedIn).toHaveBeenCalledOnce();
    });
    expect(getCredentials()).toEqual({ username: 'demo', password: 'demo' });
  });

  it.each([
    ['an empty body, as Camunda sends it', () => new HttpResponse(null, { status: 401 })],
    [
      'an ExceptionDto',
      () =>
        HttpResponse.json<ExceptionDto>(
          { type: 'AuthenticationException', message: 'Unauthorized' },
          { status: 401 },
        ),
    ],
  ])('says so when the engine rejects the credentials with %s', async (_body, answer) => {
    server.use(http.get(VERSION_URL, answer));
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    await submit(user, 'wrong');

    // Carbon's text inputs hold an empty role="alert" live region of their own.
    expect(await screen.findByText('Wrong user name or password')).toBeVisible();
    expect(handleSignedIn).not.toHaveBeenCalled();
    expect(getCredentials()).toBeNull();
  });

  it('asks for both fields before calling the engine', async () => {
    server.use(engineWithDemoUser());
    const { user } = renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your user name')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
  });

  it('asks for no password on an engine that checks none, and says what that means', async () => {
    server.use(http.get(VERSION_URL, () => HttpResponse.json({ version: '7.22.0' })));
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    expect(await screen.findByText('This engine does not check credentials')).toBeVisible();
    expect(
      screen.getByText(
        /anyone who can reach it can change it, and it records no user and no annotation/i,
      ),
    ).toBeVisible();
    expect(screen.queryByLabelText('Password', { selector: 'input' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Continue without signing in' }));

    expect(handleSignedIn).toHaveBeenCalledOnce();
    expect(hasSession()).toBe(true);
    expect(getCredentials()).toBeNull();
  });

  it('does not keep a password the engine did not check', async () => {
    // The probe is answered only once the password was sent: the sign-in itself finds out.
    let passwordSent: (value: undefined) => void = () => undefined;
    const sent = new Promise<undefined>((resolve) => {
      passwordSent = resolve;
    });
    server.use(
      http.get(VERSION_URL, async ({ request }) => {
        if (request.headers.get('Authorization') === `Basic ${btoa('demo:anything')}`) {
          passwordSent(undefined);
        } else {
          await sent;
        }
        return HttpResponse.json({ version: '7.22.0' });
      }),
    );
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    await submit(user, 'anything');

    expect(await screen.findByText('This engine does not check credentials')).toBeVisible();
    expect(handleSignedIn).not.toHaveBeenCalled();
    expect(getCredentials()).toBeNull();
    expect(hasSession()).toBe(false);
  });
});
