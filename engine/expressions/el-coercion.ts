import { ElException } from './el-exception';

// Coercion and comparison rules of the EL 2.2 spec (§1.18 type conversion, §1.8 relational
// operators), with JavaScript values standing in for Java's: numbers for Long/Double, arrays for
// Lists, Maps and plain objects for Maps.

const LONG_TEXT = /^[+-]?\d+$/;
const DOUBLE_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?$/;

export type MapLike = ReadonlyMap<unknown, unknown> | Readonly<Record<string, unknown>>;

/** Objects written as `{…}` (JSON-like data) count as Java Maps; class instances count as beans. */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function isMapLike(value: unknown): value is MapLike {
  return value instanceof Map || isPlainObject(value);
}

export function entriesOf(map: MapLike): [unknown, unknown][] {
  return map instanceof Map ? [...map.entries()] : Object.entries(map);
}

/** EL treats the text of a Double (`1.5`, `1e3`) differently from a Long in `%` and unary minus. */
export function isFloatingPoint(value: unknown): boolean {
  if (typeof value === 'number') {
    return !Number.isInteger(value);
  }
  return typeof value === 'string' && /[.eE]/.test(value);
}

export function coerceToNumber(value: unknown): number {
  if (value === null || value === undefined || value === '') {
    return 0;
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (typeof value === 'string') {
    // Java's Double.valueOf trims whitespace, Long.valueOf does not.
    const trimmed = value.trim();
    if (isFloatingPoint(value) && DOUBLE_TEXT.test(trimmed)) {
      return Number(trimmed.replace(/[dDfF]$/, ''));
    }
    if (LONG_TEXT.test(value)) {
      return Number(value);
    }
    throw new ElException('evaluation', `Cannot coerce '${value}' to a number`);
  }
  throw new ElException('evaluation', `Cannot coerce from ${typeName(value)} to Number`);
}

export function coerceToBoolean(value: unknown): boolean {
  if (value === null || value === undefined || value === '') {
    return false;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string') {
    return value.toLowerCase() === 'true';
  }
  throw new ElException('evaluation', `Cannot coerce from ${typeName(value)} to Boolean`);
}

/** EL's string coercion: null becomes '', everything else prints as Java would. */
export function coerceToString(value: unknown): string {
  return value === null || value === undefined ? '' : toJavaString(value);
}

/** Java's `toString()`: `null`, `[a, b]` for lists, `{k=v}` for maps. */
export function toJavaString(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => toJavaString(item)).join(', ')}]`;
  }
  if (isMapLike(value)) {
    const entries = entriesOf(value).map(
      ([key, item]) => `${toJavaString(key)}=${toJavaString(item)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'object') {
    // Objects that print themselves (dates, classes with toString) do; the rest print their type
    // name rather than JavaScript's '[object Object]'.
    const print: unknown = (value as { toString?: unknown }).toString;
    const prints = typeof print === 'function' && print !== Object.prototype.toString;
    return prints ? String(Reflect.apply(print, value, [])) : typeName(value);
  }
  return typeName(value);
}

/** `==` and `eq` (EL 2.2 §1.8.2): numbers win over booleans, booleans over strings. */
export function elEquals(left: unknown, right: unknown): boolean {
  const a = left ?? null;
  const b = right ?? null;
  if (a === b) {
    return true;
  }
  if (a === null || b === null) {
    return false;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    return coerceToNumber(a) === coerceToNumber(b);
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return coerceToBoolean(a) === coerceToBoolean(b);
  }
  if (typeof a === 'string' || typeof b === 'string') {
    return coerceToString(a) === coerceToString(b);
  }
  return javaEquals(a, b);
}

/** Java's `equals()`: structural for lists, maps and dates, identity otherwise. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b || ((a === null || a === undefined) && (b === null || b === undefined))) {
    return true;
  }
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => javaEquals(item, b[index]))
    );
  }
  if (isMapLike(a)) {
    if (!isMapLike(b)) {
      return false;
    }
    const mine = entriesOf(a);
    const theirs = new Map(entriesOf(b));
    return (
      mine.length === theirs.size &&
      mine.every(([key, item]) => theirs.has(key) && javaEquals(item, theirs.get(key)))
    );
  }
  if (a instanceof Date) {
    return b instanceof Date && a.getTime() === b.getTime();
  }
  return false;
}

/**
 * Orders two non-null values for `<`, `>`, `<=`, `>=` (EL 2.2 §1.8.1): numerically if either is a
 * number, lexicographically if either is a string, then dates and booleans as Java's compareTo.
 * NaN means unordered, which makes every relational operator false.
 */
export function elCompare(a: unknown, b: unknown): number {
  if (typeof a === 'number' || typeof b === 'number') {
    return order(coerceToNumber(a), coerceToNumber(b));
  }
  if (typeof a === 'string' || typeof b === 'string') {
    return order(coerceToString(a), coerceToString(b));
  }
  if (a instanceof Date && b instanceof Date) {
    return order(a.getTime(), b.getTime());
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return order(Number(a), Number(b));
  }
  throw new ElException('evaluation', `Cannot compare ${typeName(a)} with ${typeName(b)}`);
}

function order<T extends number | string>(a: T, b: T): number {
  if (a < b) {
    return -1;
  }
  if (a > b) {
    return 1;
  }
  return a === b ? 0 : Number.NaN;
}

/** The `empty` operator: null, '', and empty lists, maps and sets. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (value instanceof Map || value instanceof Set) {
    return value.size === 0;
  }
  if (isPlainObject(value)) {
    return Object.keys(value).length === 0;
  }
  return false;
}

/** A Java-flavoured type name for error messages. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string') {
    return 'String';
  }
  if (typeof value === 'number') {
    return 'Number';
  }
  if (typeof value === 'boolean') {
    return 'Boolean';
  }
  if (Array.isArray(value)) {
    return 'List';
  }
  if (isMapLike(value)) {
    return 'Map';
  }
  if (typeof value !== 'object') {
    return typeof value;
  }
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'Object';
}
