/** Memory readings taken after a full garbage collection, when `--expose-gc` makes one possible. */

export interface MemoryReading {
  heapUsedBytes: number;
  rssBytes: number;
}

/** Whether readings follow a forced GC; without one, heapUsed includes garbage. */
export function canCollectGarbage(): boolean {
  return typeof globalThis.gc === 'function';
}

export function readMemory(): MemoryReading {
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsedBytes: heapUsed, rssBytes: rss };
}

export function toMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
