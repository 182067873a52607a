import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import type { ExceptionDto } from '../../../contract/camunda/common';
import { getSession } from '../../api/console-session';
import type { ConsoleSessionRequestDto } from '../../../contract/console-session';
import {
  CONSOLE_SESSION_URL,
  consoleSessionHandlers,
  TEST_CSRF_TOKEN,
} from '../../testing/console-session-handlers';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { SignInForm } from './sign-in-form';

const VERSION_URL = `${ENGINE_REST_URL}/version`;

/** The probe's view of an engine that checks credentials: the impossible ones get 401. */
const checkingEngine = http.get(VERSION_URL, () => new HttpResponse(null, { status: 401 }));

async function submit(user: ReturnType<typeof renderWithProviders>['user'], password: string) {
  await user.type(screen.getByLabelText('User name'), 'demo');
  await user.type(screen.getByLabelText('Password', { selector: 'input' }), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  it('hands credentials to the server, which keeps them: the page keeps none', async () => {
    const posted: ConsoleSessionRequestDto[] = [];
    server.use(checkingEngine, ...consoleSessionHandlers({}, posted));
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    await submit(user, 'demo');

    await vi.waitFor(() => {
      expect(handleSignedIn).toHaveBeenCalledOnce();
    });
    expect(posted).toEqual([{ username: 'demo', password: 'demo' }]);
    expect(getSession()).toEqual({ userId: 'demo', csrfToken: TEST_CSRF_TOKEN });
    expect(sessionStorage).toHaveLength(0);
    expect(localStorage).toHaveLength(0);
  });

  it.each([
    ['an empty body', () => new HttpResponse(null, { status: 401 })],
    [
      "the server's ExceptionDto",
      () =>
        HttpResponse.json<ExceptionDto>(
          { type: 'AuthenticationException', message: 'Wrong user name or password' },
          { status: 401 },
        ),
    ],
  ])('says so when the engine rejects the credentials, with %s', async (_body, answer) => {
    server.use(checkingEngine, http.post(CONSOLE_SESSION_URL, answer));
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    await submit(user, 'wrong');

    // Carbon's text inputs hold an empty role="alert" live region of their own.
    expect(await screen.findByText('Wrong user name or password')).toBeVisible();
    expect(screen.getByText(/locks the user for a while/)).toBeVisible();
    expect(handleSignedIn).not.toHaveBeenCalled();
    expect(getSession()).toBeNull();
  });

  it('asks for both fields before calling the server', async () => {
    server.use(checkingEngine, ...consoleSessionHandlers());
    const { user } = renderWithProviders(<SignInForm onSignedIn={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your user name')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
  });

  it('asks for no password on an engine that checks none, and says what that means', async () => {
    const posted: ConsoleSessionRequestDto[] = [];
    server.use(
      http.get(VERSION_URL, () => HttpResponse.json({ version: '7.22.0' })),
      ...consoleSessionHandlers({ authentication: 'off' }, posted),
    );
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

    await vi.waitFor(() => {
      expect(handleSignedIn).toHaveBeenCalledOnce();
    });
    expect(posted).toEqual([{ withoutCredentials: true }]);
    expect(getSession()).toEqual({ userId: null, csrfToken: TEST_CSRF_TOKEN });
  });

  it('does not send a password the engine would not check', async () => {
    // The probe is answered only once the password was submitted.
    let answerProbe: (value: undefined) => void = () => undefined;
    const probeAnswered = new Promise<undefined>((resolve) => {
      answerProbe = resolve;
    });
    const posted: ConsoleSessionRequestDto[] = [];
    server.use(
      http.get(VERSION_URL, async () => {
        await probeAnswered;
        return HttpResponse.json({ version: '7.22.0' });
      }),
      ...consoleSessionHandlers({ authentication: 'off' }, posted),
    );
    const handleSignedIn = vi.fn();
    const { user } = renderWithProviders(<SignInForm onSignedIn={handleSignedIn} />);

    await submit(user, 'anything');
    answerProbe(undefined);

    expect(await screen.findByText('This engine does not check credentials')).toBeVisible();
    expect(handleSignedIn).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
    expect(getSession()).toBeNull();
  });
});
