import { http, HttpResponse } from 'msw';

import type { ExceptionDto } from '../../contract/camunda/common';
import type { ConsoleSessionDto, ConsoleSessionRequestDto } from '../../contract/console-session';

/** The server's sign-in resource (`server/console-session.ts`) under jsdom. */
export const CONSOLE_SESSION_URL = `${window.location.origin}/console-session`;

export const TEST_CSRF_TOKEN = 'csrf-token';

/**
 * MSW handlers for `/console-session` as the server answers it in front of an engine that knows
 * demo/demo (authentication `on`) or checks no credentials (`off`); records what was posted.
 */
export function consoleSessionHandlers(
  { authentication = 'on' }: { authentication?: 'on' | 'off' } = {},
  posted: ConsoleSessionRequestDto[] = [],
) {
  const refused = (message: string) =>
    HttpResponse.json<ExceptionDto>(
      { type: 'AuthenticationException', message, code: null },
      { status: 401 },
    );
  return [
    http.post(CONSOLE_SESSION_URL, async ({ request }): Promise<Response> => {
      const body = (await request.json()) as ConsoleSessionRequestDto;
      posted.push(body);
      if ('withoutCredentials' in body) {
        return authentication === 'off'
          ? HttpResponse.json<ConsoleSessionDto>({ userId: null, csrfToken: TEST_CSRF_TOKEN })
          : refused('The engine checks credentials: sign in with a user name and password.');
      }
      return authentication === 'off' || (body.username === 'demo' && body.password === 'demo')
        ? HttpResponse.json<ConsoleSessionDto>({
            userId: body.username,
            csrfToken: TEST_CSRF_TOKEN,
          })
        : refused(
            'Wrong user name or password, or the user is locked after too many failed attempts.',
          );
    }),
    http.get(CONSOLE_SESSION_URL, () => refused('Not signed in to the console.')),
    http.delete(CONSOLE_SESSION_URL, () => new HttpResponse(null, { status: 204 })),
  ];
}
