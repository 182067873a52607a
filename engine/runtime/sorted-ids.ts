/**
 * A set of ids in code unit order, as a database orders `ID_` (and as `compareSortValues` orders
 * strings), that reads a page at any position without sorting: ids are kept in chunks of a few
 * hundred, so adding, removing and seeking cost the chunk and the number of chunks, not the size.
 */

/** A chunk is split in two when it grows past this. */
const MAX_CHUNK = 1024;

/** What queries read of a `SortedIds`. */
export interface OrderedIds extends Iterable<string> {
  readonly size: number;
  /**
   * The ids at positions `first` to `first + count - 1`, counted from the smallest, or with
   * `descending` from the largest.
   */
  slice(first: number, count: number, descending?: boolean): string[];
  /** All ids from the largest to the smallest. */
  descending(): Iterable<string>;
}

export class SortedIds implements OrderedIds {
  private chunks: string[][] = [];
  size = 0;

  add(id: string): void {
    const index = this.chunkIndex(id);
    const chunk = this.chunks[index];
    if (!chunk) {
      this.chunks.push([id]);
      this.size++;
      return;
    }
    const position = lowerBound(chunk, id);
    if (chunk[position] === id) {
      return;
    }
    chunk.splice(position, 0, id);
    this.size++;
    if (chunk.length > MAX_CHUNK) {
      this.chunks.splice(index + 1, 0, chunk.splice(chunk.length >> 1));
    }
  }

  delete(id: string): boolean {
    const index = this.chunkIndex(id);
    const chunk = this.chunks[index];
    const position = chunk ? lowerBound(chunk, id) : -1;
    if (!chunk || chunk[position] !== id) {
      return false;
    }
    chunk.splice(position, 1);
    this.size--;
    if (chunk.length === 0) {
      this.chunks.splice(index, 1);
    }
    return true;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
  }

  slice(first: number, count: number, descending = false): string[] {
    const from = Math.max(0, first);
    const to = Math.min(this.size, from + Math.max(0, count));
    if (to <= from) {
      return [];
    }
    if (descending) {
      return this.ascendingRange(this.size - to, this.size - from).reverse();
    }
    return this.ascendingRange(from, to);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const chunk of this.chunks) {
      yield* chunk;
    }
  }

  *descending(): Iterable<string> {
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      yield* [...(this.chunks[c] ?? [])].reverse();
    }
  }

  /** The ids at ascending positions `from` (inclusive) to `to` (exclusive). */
  private ascendingRange(from: number, to: number): string[] {
    const result: string[] = [];
    let start = 0;
    for (const chunk of this.chunks) {
      const end = start + chunk.length;
      if (end > from) {
        result.push(...chunk.slice(Math.max(0, from - start), Math.min(chunk.length, to - start)));
      }
      if (end >= to) {
        break;
      }
      start = end;
    }
    return result;
  }

  /** The chunk `id` is in or belongs in: the first whose last id is not smaller, else the last. */
  private chunkIndex(id: string): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const chunk = this.chunks[middle] ?? [];
      if ((chunk[chunk.length - 1] ?? '') < id) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return Math.max(0, high);
  }
}

/** The first position in `sorted` whose id is not smaller than `id`. */
function lowerBound(sorted: readonly string[], id: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? '') < id) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
