import '@testing-library/jest-dom/vitest';
import './jsdom-layout';
// eslint-disable-next-line testing-library/no-manual-cleanup -- auto-cleanup needs Vitest `globals`, kept off
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { resetSession } from '../api/console-session';
import { server } from './msw-server';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  sessionStorage.clear();
  resetSession();
});

afterAll(() => {
  server.close();
});
