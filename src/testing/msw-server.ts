import { setupServer } from 'msw/node';

/** One MSW server for all jsdom tests; each test adds the handlers it needs with `server.use`. */
export const server = setupServer();

/** The absolute base the console's relative `/engine-rest` resolves to under jsdom. */
export const ENGINE_REST_URL = `${window.location.origin}/engine-rest`;
