/**
 * What serves the console (`GET /console-server`, this server's own resource): its embedded
 * engine, which keeps its state in memory, or a proxy to a real engine.
 */
import { queryOptions } from '@tanstack/react-query';

import type { ConsoleServerDto } from '../../contract/console-server';
import { CONSOLE_SERVER_PATH } from './engine-constants';

export const consoleServerKeys = {
  all: ['console-server'] as const,
};

export const consoleServerQueries = {
  /**
   * The server does not change while the page lives. Null where nothing answers: a console served
   * by something other than this server says nothing it has not read.
   */
  current: () =>
    queryOptions({
      queryKey: consoleServerKeys.all,
      queryFn: ({ signal }) => readConsoleServer(signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

async function readConsoleServer(signal: AbortSignal): Promise<ConsoleServerDto | null> {
  const response = await fetch(new URL(CONSOLE_SERVER_PATH, window.location.href), {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
    signal,
  });
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Error(`${CONSOLE_SERVER_PATH} answered ${String(response.status)}`);
  }
  return (await response.json()) as ConsoleServerDto;
}
