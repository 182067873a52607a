/** `GET /engine` and `GET /version`: what clients probe first. */
import { Hono } from 'hono';
import type { ProcessEngineDto, VersionDto } from '../../contract/camunda/common';
import type { RestEnv } from '../rest-env';

/** The Camunda 7 version whose REST API this server implements. */
export const CAMUNDA_REST_VERSION = '7.24.0';

export function engineInfoRoutes(): Hono<RestEnv> {
  const app = new Hono<RestEnv>();
  app.get('/engine', (c) => c.json<ProcessEngineDto[]>([{ name: 'default' }]));
  app.get('/version', (c) => c.json<VersionDto>({ version: CAMUNDA_REST_VERSION }));
  return app;
}
