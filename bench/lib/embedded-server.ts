/** The REST server over an embedded engine, listening on a free loopback port. */
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import type { EngineApi } from '../../engine/engine-api';
import { REST_PATH, createApp } from '../../server/app';

const LOOPBACK_HOST = '127.0.0.1';
const KEEP_ALIVE_MS = 10 * 60_000;

export interface EmbeddedServer {
  /** e.g. `http://127.0.0.1:40123` */
  baseUrl: string;
  /** e.g. `http://127.0.0.1:40123/engine-rest` */
  restUrl: string;
  close: () => Promise<void>;
}

export async function startEmbeddedServer(
  engine: EngineApi,
  options: { consoleDir?: string | null } = {},
): Promise<EmbeddedServer> {
  const app = createApp({ engine, consoleDir: options.consoleDir ?? null });
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: LOOPBACK_HOST }, (info) => {
      resolve({ server: started, port: info.port });
    });
    // Node closes idle keep-alive connections after 5 s, while the bench's client may hold one
    // idle longer (a forced GC over 100,000 instances, starting thousands directly) and then
    // reuse it just as the server closes it: ECONNRESET.
    if ('keepAliveTimeout' in started) {
      started.keepAliveTimeout = KEEP_ALIVE_MS;
    }
  });
  return {
    baseUrl: `http://${LOOPBACK_HOST}:${port}`,
    restUrl: `http://${LOOPBACK_HOST}:${port}${REST_PATH}`,
    close: () => closeServer(server),
  };
}

function closeServer(server: ServerType): Promise<void> {
  if ('closeAllConnections' in server) {
    // Keep-alive connections from fetch would otherwise hold close() open.
    server.closeAllConnections();
  }
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    });
  });
}
