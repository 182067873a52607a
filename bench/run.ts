/**
 * `npm run bench`: REST latency, engine memory and batch throughput with many running instances
 * (rest-latency.ts), one very large modification, paging the instance list, then the console in
 * Chromium: the instance diagram, the batch dashboard and scrolling the instance table. It prints
 * figures, each with its spread, and asserts none.
 *
 * Env: `BENCH_INSTANCES` (default 10000) running instances for the REST part, `BENCH_JSON=<file>`
 * also writes the figures as JSON (see lib/figures.ts), `BENCH_SKIP`, a comma-separated list of
 * parts to leave out: `rest` (latency, memory and batch throughput), `large-modification` (one
 * request with thousands of start instructions, see large-modification.ts),
 * `process-instance-paging` (pages of the runtime instance list for two users, see
 * process-instance-paging.ts), `console-diagram`, `console-batches`, `console-scroll` (100,000
 * instances, see console-instance-scroll.ts for its own variables). Each part's file names its
 * other variables. Run with `--expose-gc` (as the npm script does) for exact heap figures.
 */
import { benchConsoleBatches } from './console-batches';
import type { ConsoleDiagramFigures } from './console-diagram';
import { benchConsoleDiagram } from './console-diagram';
import type { ScrollBenchFigures } from './console-instance-scroll';
import { benchConsoleInstanceScroll } from './console-instance-scroll';
import { spreadOf } from './lib/latency';
import type { BenchFigures } from './lib/figures';
import { describeMachine, writeFigures } from './lib/figures';
import { benchLargeModification } from './large-modification';
import { benchProcessInstancePaging } from './process-instance-paging';
import { benchRest } from './rest-latency';

/** Per-run ratios give the spread: each run times the console and its baseline one after another. */
function diagramFigures(figures: ConsoleDiagramFigures | undefined): BenchFigures {
  if (!figures) {
    return {};
  }
  const { samples } = figures;
  const ratios = (numerator: number[], denominator: number[]) =>
    spreadOf(numerator.map((value, run) => value / (denominator[run] ?? Number.NaN)));
  return {
    diagram: {
      clickVsBareImport: figures.clickVsBareImport,
      freshTabVsBarePage: figures.freshTabVsBarePage,
      spread: {
        clickVsBareImport: ratios(samples.click, samples.bareImport),
        freshTabVsBarePage: ratios(samples.freshTab, samples.barePage),
      },
    },
    firstScreen: { gzipKb: figures.firstScreenGzipKb },
  };
}

function scrollFigures(figures: ScrollBenchFigures | null): BenchFigures {
  if (!figures) {
    return {};
  }
  return {
    scroll: {
      frames: figures.frames,
      slowFrames: figures.slowFrames,
      slowFrameShare: figures.slowFrameShare,
      spread: {
        slowFrameShare: { min: figures.slowFrameShareMin, max: figures.slowFrameShareMax },
      },
      plainPage: {
        frames: figures.baseline.frames,
        slowFrames: figures.baseline.slowFrames,
        slowFrameShare: figures.baseline.slowFrameShare,
      },
    },
  };
}

const PARTS: Record<string, () => Promise<BenchFigures>> = {
  rest: benchRest,
  'large-modification': benchLargeModification,
  'process-instance-paging': benchProcessInstancePaging,
  'console-diagram': async () => diagramFigures(await benchConsoleDiagram()),
  'console-batches': benchConsoleBatches,
  'console-scroll': async () => scrollFigures(await benchConsoleInstanceScroll()),
};

function skippedParts(): Set<string> {
  const skipped = new Set(
    (process.env.BENCH_SKIP ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );
  const unknown = [...skipped].filter((part) => !(part in PARTS));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_SKIP names no such part: ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`,
    );
  }
  return skipped;
}

const startedAt = new Date();
const machine = describeMachine();
console.log(
  `${startedAt.toISOString()} on ${String(machine.cpus)} × ${machine.cpuModel},` +
    ` ${String(machine.memoryGb)} GB, Node ${machine.node} (${machine.platform})`,
);
const skipped = skippedParts();
let figures: BenchFigures = {};
for (const [part, bench] of Object.entries(PARTS)) {
  if (!skipped.has(part)) {
    figures = { ...figures, ...(await bench()) };
  }
}
const jsonFile = process.env.BENCH_JSON;
if (jsonFile !== undefined && jsonFile.trim() !== '') {
  writeFigures(jsonFile, figures, startedAt);
  console.log(`\nFigures written to ${jsonFile}`);
}
