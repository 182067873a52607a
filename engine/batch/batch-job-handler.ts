/**
 * One batch type's part of the batch life cycle, as Camunda's `BatchJobHandler<T>`: which ids its
 * execution jobs share and what an execution job does with each. The life cycle itself (seed
 * job, execution jobs, monitor job, statistics, suspension, deletion) is the same for every type
 * and lives in batch-runner.ts.
 */
import type { CommandOptions } from '../runtime/command-context';
import type { Runtime } from '../runtime/runtime';
import type { BatchConfiguration, JobRec, ProcessDefinitionRec } from '../runtime/state';
import type { Turns } from '../runtime/turns';

/** What the batch code needs from the engine. */
export interface BatchHost {
  run<T>(options: CommandOptions, command: (rt: Runtime) => T): T;
  /** `run` for a command that lets other commands run meanwhile (engine/runtime/turns.ts). */
  runInTurns<T>(
    options: CommandOptions,
    command: (rt: Runtime, turns: Turns) => Promise<T>,
  ): Promise<T>;
  clock(): number;
  newId(): string;
  definition(id: string): ProcessDefinitionRec | undefined;
  /** A job as committed, wherever it lives. */
  job(id: string): JobRec | undefined;
}

export interface BatchJobHandler<T extends BatchConfiguration = BatchConfiguration> {
  /** The batch type, which is also the job type of its execution jobs (`getType`). */
  readonly type: T['kind'];
  /** What one id names, for the stack trace of a failed execution job. */
  readonly idKind: string;
  /** The ids the execution jobs share, `invocationsPerBatchJob` each (`BatchConfiguration.getIds`). */
  ids(configuration: T): string[];
  /** The listener and input/output mapping flags of an execution job's command. */
  commandOptions(configuration: T): CommandOptions;
  /** Works on one id inside an execution job's command (`executeHandler`, per id). */
  execute(host: BatchHost, rt: Runtime, configuration: T, id: string): void;
}
