import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import type { ConsoleServerDto } from '../../../contract/console-server';
import { server } from '../../testing/msw-server';
import { renderWithProviders } from '../../testing/render-with-providers';
import { InMemoryEngineNotice, InMemoryEngineTag } from './in-memory-engine-notice';

const CONSOLE_SERVER_URL = `${window.location.origin}/console-server`;

function serve(answer: ConsoleServerDto | 404) {
  server.use(
    http.get(CONSOLE_SERVER_URL, () =>
      answer === 404 ? new HttpResponse(null, { status: 404 }) : HttpResponse.json(answer),
    ),
  );
}

describe('the in-memory engine notice', () => {
  it('says in the header and on the sign-in page that a restart loses everything', async () => {
    serve({ engine: 'embedded', stateInMemory: true });
    renderWithProviders(
      <>
        <InMemoryEngineTag />
        <InMemoryEngineNotice />
      </>,
    );
    expect(await screen.findByText('In-memory engine')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(
      /keeps its state in memory only.*restarting the server loses every deployment/,
    );
    await userEvent.click(screen.getByRole('button', { name: /In-memory engine/ }));
    expect(await screen.findByText(/ENGINE_REST_URL/, { selector: 'p' })).toBeVisible();
  });

  it('says nothing for a proxied engine, or where the server does not say', async () => {
    for (const answer of [{ engine: 'proxy', stateInMemory: false } as const, 404 as const]) {
      serve(answer);
      const { unmount } = renderWithProviders(
        <>
          <InMemoryEngineTag />
          <InMemoryEngineNotice />
        </>,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(screen.queryByText('In-memory engine')).not.toBeInTheDocument();
      expect(screen.queryByRole('status')).not.toBeInTheDocument();
      unmount();
    }
  });
});
