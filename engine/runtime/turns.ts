/**
 * Lets a long command give the rest of the server a turn. The engine runs on the one JavaScript
 * thread that also answers every other request; a command that works through thousands of
 * instructions in one go would leave them all waiting until it is done.
 */

/** How long a command works before it lets other work run. */
export const TURN_MS = 20;

export class Turns {
  private started = performance.now();

  constructor(private readonly turnMs = TURN_MS) {}

  /** Whether this command has had its turn. */
  due(): boolean {
    return performance.now() - this.started >= this.turnMs;
  }

  /** Waits until everything that queued up meanwhile has run. */
  async take(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.started = performance.now();
  }
}
