/**
 * Runs due jobs in the background: async continuations, timers, batch jobs. It executes one job
 * at a time and yields to the event loop between jobs, so requests keep being served.
 */
import type { EngineApi } from '../engine/engine-api';
import type { JobRec } from '../engine/runtime/state';

export const JOB_EXECUTOR_INTERVAL_MS = 100;

/** Jobs run per round before the executor gives other timers a turn. */
export const JOB_EXECUTOR_MAX_JOBS_PER_ROUND = 200;

export interface JobExecutorOptions {
  intervalMs?: number;
  maxJobsPerRound?: number;
  /** A job failed; the engine has already recorded it (retries − 1, exception message). */
  onJobFailure?: (job: JobRec, error: unknown) => void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Polls `acquireJob()` and executes what it returns, until stopped. */
export class JobExecutor {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private stopping = false;
  private round: Promise<number> | null = null;

  constructor(
    private readonly engine: EngineApi,
    private readonly options: JobExecutorOptions = {},
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the job being executed to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = null;
    await this.round;
    this.stopping = false;
  }

  /** Executes due jobs until none is left or the round is full; returns how many ran. */
  async runRound(): Promise<number> {
    const max = this.options.maxJobsPerRound ?? JOB_EXECUTOR_MAX_JOBS_PER_ROUND;
    let executed = 0;
    while (executed < max && !this.stopping) {
      const job = this.engine.acquireJob();
      if (!job) {
        break;
      }
      executed++;
      try {
        this.engine.executeJob(job.id);
      } catch (error) {
        this.options.onJobFailure?.(job, error);
      }
      await yieldToEventLoop();
    }
    return executed;
  }

  private schedule(delayMs: number): void {
    if (!this.running) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.round = this.runRound().then(
        (executed) => {
          this.round = null;
          const max = this.options.maxJobsPerRound ?? JOB_EXECUTOR_MAX_JOBS_PER_ROUND;
          // A full round means more jobs are due: continue at once.
          this.schedule(
            executed >= max ? 0 : (this.options.intervalMs ?? JOB_EXECUTOR_INTERVAL_MS),
          );
          return executed;
        },
        (error: unknown) => {
          this.round = null;
          console.error('job executor: round failed', error);
          this.schedule(this.options.intervalMs ?? JOB_EXECUTOR_INTERVAL_MS);
          return 0;
        },
      );
    }, delayMs);
  }
}
