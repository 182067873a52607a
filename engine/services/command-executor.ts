/**
 * Runs the services' commands, as Camunda's `CommandExecutorImpl` runs each command in a
 * `CommandContext`: committed only when it succeeds, so a failed command changes nothing (the
 * transaction of Camunda's `CommandContextInterceptor`).
 */
import type { BatchHost } from '../batch/batch-job-handler';
import {
  CommandContext,
  type CommandOptions,
  type CommitEffects,
} from '../runtime/command-context';
import { createStore, type EngineStore } from '../runtime/engine-store';
import type { HistoryLevel } from '../runtime/history-level';
import { Runtime } from '../runtime/runtime';
import type { JobRec, ProcessDefinitionRec } from '../runtime/state';
import { Turns } from '../runtime/turns';

export interface CommandExecutorOptions {
  clock: () => number;
  newId: () => string;
  historyLevel: HistoryLevel;
  /** How long a command that works in turns works before other work runs. */
  turnMs: number;
  /** What follows a commit outside the store: the default authorizations of Camunda's providers. */
  afterCommit: (effects: CommitEffects) => void;
}

export class CommandExecutor implements BatchHost {
  readonly store: EngineStore = createStore();

  constructor(private readonly options: CommandExecutorOptions) {}

  clock(): number {
    return this.options.clock();
  }

  newId(): string {
    return this.options.newId();
  }

  /** Runs a command; commits on success, drops every change on failure. */
  run<T>(options: CommandOptions, command: (rt: Runtime) => T): T {
    const rt = this.runtime(options);
    const result = command(rt);
    this.commit(rt);
    return result;
  }

  /**
   * Runs a command that lets other commands run meanwhile (engine/runtime/turns.ts). Its commit
   * fails with OptimisticLockingException if one of them changed what this one copied.
   */
  async runInTurns<T>(
    options: CommandOptions,
    command: (rt: Runtime, turns: Turns) => Promise<T>,
  ): Promise<T> {
    const rt = this.runtime(options);
    const result = await command(rt, new Turns(this.options.turnMs));
    this.commit(rt);
    return result;
  }

  private runtime(options: CommandOptions): Runtime {
    const ctx = new CommandContext(this.store, {
      historyLevel: this.options.historyLevel,
      clock: this.options.clock,
      ...options,
    });
    return new Runtime(ctx, { clock: this.options.clock, newId: this.options.newId });
  }

  private commit(rt: Runtime): void {
    rt.deliverSignals((name) => this.signalStarts(name));
    this.options.afterCommit(rt.ctx.commit());
  }

  /** The signal start events a signal of this name starts, one per subscribed definition. */
  signalStarts(name: string): { definition: ProcessDefinitionRec; startEventId: string }[] {
    const starts: { definition: ProcessDefinitionRec; startEventId: string }[] = [];
    for (const subscription of this.store.globalSubscriptions.values()) {
      if (subscription.eventType === 'signal' && subscription.eventName === name) {
        const definition = this.store.definitions.get(subscription.processDefinitionId);
        if (definition) {
          starts.push({ definition, startEventId: subscription.activityId });
        }
      }
    }
    return starts;
  }

  definition(id: string): ProcessDefinitionRec | undefined {
    return this.store.definitions.get(id);
  }

  /** A job as committed, wherever it lives. */
  job(id: string): JobRec | undefined {
    const piId = this.store.jobIndex.get(id);
    return piId ? this.store.instances.get(piId)?.jobs[id] : this.store.globalJobs.get(id);
  }
}
