/**
 * How deeply JSON text nests, read without parsing it. `JSON.parse` accepts any depth, but
 * `JSON.stringify`, `structuredClone` and every recursive walk over the value overflow the stack
 * somewhere past ten thousand levels, long after the value was stored.
 */

/**
 * Jackson's `StreamReadConstraints.DEFAULT_MAX_DEPTH` (2.15, the version Camunda 7.22 ships): the
 * deepest JSON a Camunda engine reads, in request bodies and in Spin's Json and Object values.
 */
export const MAX_JSON_NESTING_DEPTH = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Whether `text` opens more than `maxDepth` arrays and objects inside each other. */
export function exceedsJsonNestingDepth(text: string, maxDepth = MAX_JSON_NESTING_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) {
        i++;
      } else if (code === QUOTE) {
        inString = false;
      }
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) {
        return true;
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** The message of a refused value, after Jackson's `StreamConstraintsException`. */
export function nestingDepthMessage(maxDepth = MAX_JSON_NESTING_DEPTH): string {
  return `JSON nesting depth exceeds the maximum allowed (${String(maxDepth)})`;
}
