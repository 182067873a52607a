/**
 * Runs `task` once the browser has nothing more urgent to do (`requestIdleCallback`), and within
 * `timeoutMs` at the latest; where the browser has no idle callbacks, after the current task.
 */
export function whenIdle(task: () => void, timeoutMs = 2_000): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(task, { timeout: timeoutMs });
  } else {
    setTimeout(task, 0);
  }
}
