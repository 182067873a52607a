/**
 * Paging through the runtime instance list as the console does: `POST /process-instance` with a
 * definition, sorted by instance id, 50 rows a page, plus `POST /process-instance/count`. Prints
 * the time of one page near the start, in the middle and at the end of the list, for demo (who
 * reads everything) and john (whose reads are filtered by his authorizations). Without nothing
 * changing between two pages, a page should cost about the same wherever it is; the row "after a
 * change" suspends or activates one instance before each timed page, as a running engine changes
 * instances between two pages, so nothing computed for the previous page still holds. Each p50
 * is also given as a ratio to that of `GET /version` in the same run.
 *
 * Env: `BENCH_PAGING_INSTANCES` (default `BENCH_INSTANCES`, else 20000) running instances, `BENCH_PAGING_SAMPLES`
 * (default 200) timed requests per row.
 */
import { readFileSync } from 'node:fs';
import { ProcessEngine } from '../engine/process-engine';
import { startInstancesDirectly } from './lib/direct-instances';
import { startEmbeddedServer } from './lib/embedded-server';
import { envPositiveInt } from './lib/env';
import type { LatencySummary } from './lib/latency';
import type { BenchFigures } from './lib/figures';
import { formatSpread, measureMs, summarize } from './lib/latency';
import type { RestClient } from './lib/rest-client';
import { createRestClient } from './lib/rest-client';
import { formatTable } from './lib/table';

const INSTANCE_COUNT = envPositiveInt(
  'BENCH_PAGING_INSTANCES',
  envPositiveInt('BENCH_INSTANCES', 20_000),
);
const SAMPLE_COUNT = envPositiveInt('BENCH_PAGING_SAMPLES', 200);
const WARMUP_COUNT = 20;
const PAGE_SIZE = 50;
const FIXTURE_FILE = 'two-tasks.bpmn';
const PROCESS_KEY = 'benchTwoTasks';

const numberFormat = new Intl.NumberFormat('en-US');

async function timed(
  request: () => Promise<unknown>,
  before: () => void = () => undefined,
): Promise<LatencySummary> {
  for (let round = 0; round < WARMUP_COUNT; round++) {
    before();
    await request();
  }
  const samples: number[] = [];
  for (let round = 0; round < SAMPLE_COUNT; round++) {
    before();
    samples.push(await measureMs(request));
  }
  return summarize(samples);
}

async function measureUser(
  client: RestClient,
  user: string,
  definitionId: string,
  changeOne: () => void,
) {
  const body = {
    processDefinitionId: definitionId,
    sorting: [{ sortBy: 'instanceId', sortOrder: 'asc' }],
  };
  const pageAt = (firstResult: number) => () =>
    client.send(
      'POST',
      `/process-instance?firstResult=${String(firstResult)}&maxResults=${String(PAGE_SIZE)}`,
      body,
    );
  const lastPage = Math.max(0, INSTANCE_COUNT - PAGE_SIZE);
  const version = await timed(() => client.send('GET', '/version'));
  const rows: [string, LatencySummary][] = [
    ['GET /version', version],
    ['page at 0', await timed(pageAt(0))],
    [
      `page at ${numberFormat.format(Math.floor(lastPage / 2))}`,
      await timed(pageAt(Math.floor(lastPage / 2))),
    ],
    [`page at ${numberFormat.format(lastPage)}`, await timed(pageAt(lastPage))],
    [
      `page at ${numberFormat.format(Math.floor(lastPage / 2))} after a change`,
      await timed(pageAt(Math.floor(lastPage / 2)), changeOne),
    ],
    ['count', await timed(() => client.send('POST', '/process-instance/count', body))],
  ];
  return rows.map(([what, summary]) => [
    user,
    what,
    summary.p50Ms.toFixed(3),
    formatSpread({ min: summary.minMs, max: summary.maxMs }, 3),
    summary.p99Ms.toFixed(3),
    `${(summary.p50Ms / version.p50Ms).toFixed(2)}x`,
  ]);
}

export async function benchProcessInstancePaging(): Promise<BenchFigures> {
  const engine = new ProcessEngine();
  const server = await startEmbeddedServer(engine);
  try {
    const demo = createRestClient(server.restUrl, { user: 'demo', password: 'demo' });
    const john = createRestClient(server.restUrl, { user: 'john', password: 'john' });
    const xml = readFileSync(new URL(`./fixtures/${FIXTURE_FILE}`, import.meta.url), 'utf8');
    await demo.deploy(FIXTURE_FILE, xml);
    const definitionId = startInstancesDirectly(engine, PROCESS_KEY, INSTANCE_COUNT, 'paging');
    const [changed = ''] = Array.from(engine.instances(), (instance) => instance.id);
    let suspended = false;
    const changeOne = () => {
      suspended = !suspended;
      engine.setProcessInstanceSuspended(changed, suspended);
    };

    const rows = [
      ...(await measureUser(demo, 'demo', definitionId, changeOne)),
      ...(await measureUser(john, 'john', definitionId, changeOne)),
    ];
    console.log(
      `\nPaging POST /process-instance (sorted by instanceId, ${String(PAGE_SIZE)} a page) over` +
        ` ${numberFormat.format(INSTANCE_COUNT)} running instances,` +
        ` ${numberFormat.format(SAMPLE_COUNT)} sequential requests per row`,
    );
    console.log(
      formatTable(['user', 'request', 'p50 ms', 'min–max ms', 'p99 ms', 'p50 / version p50'], rows),
    );
    return {};
  } finally {
    await server.close();
  }
}
