/** The `GET /x`, `GET /x/count` (and `POST` query) pair every Camunda resource list has. */
import type { Hono } from 'hono';
import type { Paging, Sorting } from '../../engine/query/query-support';
import type { ParamSpec, ParsedParams, ParsedQuery, QuerySpec } from '../query-params';
import { fromQueryBody, parsePaging, parseUrlQuery, queryBodySchema } from '../query-params';
import { readJsonBody } from '../request-body';
import type { RestContext, RestEnv } from '../rest-env';
import { urlQuery } from '../rest-env';

export interface ListRoutesOptions<S extends ParamSpec, R> {
  spec: QuerySpec<S>;
  /** The records; read them from `c.var.reader`, which holds only what the user may read. */
  find: (filters: ParsedParams<S>, sortings: Sorting[], paging: Paging, c: RestContext) => R[];
  toDto: (record: R, c: RestContext) => unknown;
  /** The count, where it is cheaper than finding the records; by default `find(…).length`. */
  count?: (filters: ParsedParams<S>, sortings: Sorting[], c: RestContext) => number;
  /** Also `POST /x` and `POST /x/count` with the query DTO as body. */
  post?: boolean;
}

/** Registers the list and count routes of one resource; register them before `/x/:id`. */
export function addListRoutes<S extends ParamSpec, R>(
  app: Hono<RestEnv>,
  path: string,
  options: ListRoutesOptions<S, R>,
): void {
  const { spec, find, toDto } = options;
  const countOf =
    options.count ??
    ((filters: ParsedParams<S>, sortings: Sorting[], c: RestContext) =>
      find(filters, sortings, {}, c).length);
  const list = (c: RestContext, query: ParsedQuery<S>) =>
    c.json(
      find(query.filters, query.sortings, parsePaging(urlQuery(c)), c).map((record) =>
        toDto(record, c),
      ),
    );
  const count = (c: RestContext, query: ParsedQuery<S>) =>
    c.json({ count: countOf(query.filters, query.sortings, c) });

  app.get(path, (c) => list(c, parseUrlQuery(urlQuery(c), spec)));
  app.get(`${path}/count`, (c) => count(c, parseUrlQuery(urlQuery(c), spec)));
  if (options.post) {
    const schema = queryBodySchema(spec);
    app.post(path, async (c) => list(c, fromQueryBody(await readJsonBody(c, schema), spec)));
    app.post(`${path}/count`, async (c) =>
      count(c, fromQueryBody(await readJsonBody(c, schema), spec)),
    );
  }
}
