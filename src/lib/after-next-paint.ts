/**
 * Runs `task` once the browser has painted the next frame: `requestAnimationFrame` runs just
 * before a frame is painted, and a timeout set from there runs after it. Where there are no
 * animation frames (a test without a display), after the current task.
 */
export function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => {
      setTimeout(task, 0);
    });
  } else {
    setTimeout(task, 0);
  }
}
