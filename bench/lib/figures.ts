/**
 * The figures `npm run bench` writes as JSON when `BENCH_JSON=<file>` is set, so that trends and
 * checks need no parsing of the printed tables. Ratios are plain numbers (1.3 meaning 1.3x); each
 * part adds its own section, and `spread` holds the min–max of the figures that have one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, totalmem } from 'node:os';
import type { Spread } from './latency';

export interface DiagramFigures {
  clickVsBareImport: number;
  freshTabVsBarePage: number;
  spread: { clickVsBareImport: Spread; freshTabVsBarePage: Spread };
}

export interface RestFigures {
  instances: number;
  modificationVsVersion: number;
  listPageVsVersion: number;
  countVsVersion: number;
  heapBytesPerInstance: number;
  versionP50Ms: number;
  spread: { modificationVsVersion: Spread; listPageVsVersion: Spread; countVsVersion: Spread };
}

export interface InstructionFigures {
  count: number;
  seconds: number;
  /** Microseconds per instruction at the largest size over that at a quarter of it. */
  growthPerInstruction: number;
  spread: { seconds: Spread };
}

export interface BatchFigures {
  instances: number;
  asyncVsSync: number;
  spread: { asyncVsSync: Spread };
}

export interface ScrollFigures {
  frames: number;
  slowFrames: number;
  slowFrameShare: number;
  spread: { slowFrameShare: Spread };
  /** The same gesture over a plain page of the same size, run by turns with the table's. */
  plainPage: { frames: number; slowFrames: number; slowFrameShare: number };
}

export interface FirstScreenFigures {
  gzipKb: number;
}

export interface BenchFigures {
  diagram?: DiagramFigures;
  rest?: RestFigures;
  instructions?: InstructionFigures;
  batch?: BatchFigures;
  scroll?: ScrollFigures;
  firstScreen?: FirstScreenFigures;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export function describeMachine(): Machine {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export function writeFigures(file: string, figures: BenchFigures, startedAt: Date): void {
  const document = { takenAt: startedAt.toISOString(), machine: describeMachine(), ...figures };
  // Four decimals are well inside every figure's own noise.
  const rounded = (_key: string, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(4)) : value;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, rounded, 2)}\n`);
}
