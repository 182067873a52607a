/**
 * The engine's default ids: random (version 4) UUIDs, as Camunda Run's `StrongUuidGenerator`
 * gives UUIDs. Not `crypto.randomUUID()`: Node builds its result by concatenating 20 pieces, and
 * V8 keeps that rope for as long as the string lives, about 500 bytes per id instead of the 56 of
 * a flat string. An engine holds a dozen ids per running process instance and more in history.
 */

const HEX_DIGITS = '0123456789abcdef';
const BYTES_PER_UUID = 16;
/** Random bytes are drawn for this many ids at a time. */
const POOL_UUIDS = 256;
/** Where each byte's two hex digits go in `8-4-4-4-12`. */
const DIGIT_POSITIONS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const DASH = 0x2d;

let pool = new Uint8Array(0);
let poolOffset = 0;
/** Character codes of the id being made; reused, as ids are made one at a time. */
const codes = new Array<number>(36).fill(DASH);

/** A random UUID (RFC 9562 version 4), as one flat string. */
export function randomUuid(): string {
  if (poolOffset === pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(BYTES_PER_UUID * POOL_UUIDS));
    poolOffset = 0;
  }
  for (let index = 0; index < BYTES_PER_UUID; index++) {
    let byte = pool[poolOffset + index] ?? 0;
    if (index === 6) {
      byte = (byte & 0x0f) | 0x40;
    } else if (index === 8) {
      byte = (byte & 0x3f) | 0x80;
    }
    const position = DIGIT_POSITIONS[index] ?? 0;
    codes[position] = HEX_DIGITS.charCodeAt(byte >> 4);
    codes[position + 1] = HEX_DIGITS.charCodeAt(byte & 0x0f);
  }
  poolOffset += BYTES_PER_UUID;
  // fromCharCode allocates one sequential string; joining pieces with `+` would make a rope.
  return String.fromCharCode(...codes);
}
