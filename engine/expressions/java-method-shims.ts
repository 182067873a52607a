import {
  coerceToNumber,
  coerceToString,
  entriesOf,
  isMapLike,
  javaEquals,
  toJavaString,
  type MapLike,
} from './el-coercion';
import { ElException } from './el-exception';

/** A method bound to its receiver, called with the evaluated arguments. */
export type BoundMethod = (args: readonly unknown[]) => unknown;

type Shim<T> = (self: T, args: readonly unknown[]) => unknown;

// Expressions written for Camunda call Java methods on variables (`${text.length()}`,
// `${list.size()}`, `${map.containsKey('k')}`); these give JavaScript values the same API.

const OBJECT_METHODS = new Map<string, Shim<unknown>>([
  ['equals', (self, [other]) => javaEquals(self, other)],
  ['toString', (self) => toJavaString(self)],
]);

const STRING_METHODS = new Map<string, Shim<string>>([
  ['length', (text) => text.length],
  ['isEmpty', (text) => text.length === 0],
  ['contains', (text, [part]) => text.includes(coerceToString(part))],
  [
    'startsWith',
    (text, [prefix, offset]) => text.startsWith(coerceToString(prefix), toInteger(offset)),
  ],
  ['endsWith', (text, [suffix]) => text.endsWith(coerceToString(suffix))],
  ['indexOf', (text, [part, from]) => text.indexOf(coerceToString(part), toInteger(from))],
  ['lastIndexOf', (text, [part]) => text.lastIndexOf(coerceToString(part))],
  ['substring', (text, [begin, end]) => text.substring(toInteger(begin) ?? 0, toInteger(end))],
  ['charAt', (text, [index]) => text.charAt(toInteger(index) ?? 0)],
  ['concat', (text, [other]) => text + coerceToString(other)],
  // Java's replace(CharSequence, CharSequence) replaces every occurrence, literally: the function
  // keeps JavaScript from expanding `$&` and the like in the replacement.
  [
    'replace',
    (text, [target, replacement]) =>
      text.replaceAll(coerceToString(target), () => coerceToString(replacement)),
  ],
  ['matches', (text, [regex]) => new RegExp(`^(?:${coerceToString(regex)})$`).test(text)],
  ['split', (text, [regex]) => splitLikeJava(text, coerceToString(regex))],
  ['toUpperCase', (text) => text.toUpperCase()],
  ['toLowerCase', (text) => text.toLowerCase()],
  ['trim', (text) => text.trim()],
  ['equals', (text, [other]) => text === other],
  [
    'equalsIgnoreCase',
    (text, [other]) => typeof other === 'string' && text.toLowerCase() === other.toLowerCase(),
  ],
  ['toString', (text) => text],
]);

const LIST_METHODS = new Map<string, Shim<readonly unknown[]>>([
  ['size', (list) => list.length],
  ['isEmpty', (list) => list.length === 0],
  ['get', (list, [index]) => elementAt(list, toInteger(index))],
  ['contains', (list, [item]) => list.some((each) => javaEquals(each, item))],
  ['indexOf', (list, [item]) => list.findIndex((each) => javaEquals(each, item))],
  ['lastIndexOf', (list, [item]) => list.findLastIndex((each) => javaEquals(each, item))],
  ['equals', (list, [other]) => javaEquals(list, other)],
  ['toString', (list) => toJavaString(list)],
]);

const MAP_METHODS = new Map<string, Shim<MapLike>>([
  ['size', (map) => entriesOf(map).length],
  ['isEmpty', (map) => entriesOf(map).length === 0],
  ['get', (map, [key]) => valueAt(map, key) ?? null],
  ['getOrDefault', (map, [key, fallback]) => (hasKey(map, key) ? valueAt(map, key) : fallback)],
  ['containsKey', (map, [key]) => hasKey(map, key)],
  ['containsValue', (map, [item]) => entriesOf(map).some(([, each]) => javaEquals(each, item))],
  ['keySet', (map) => entriesOf(map).map(([key]) => key)],
  ['values', (map) => entriesOf(map).map(([, each]) => each)],
  ['equals', (map, [other]) => javaEquals(map, other)],
  ['toString', (map) => toJavaString(map)],
]);

const NUMBER_METHODS = new Map<string, Shim<number>>([
  ['intValue', (value) => Math.trunc(value)],
  ['longValue', (value) => Math.trunc(value)],
  ['doubleValue', (value) => value],
]);

/** The Java method `name` for a string, list (array), map (Map or plain object) or number. */
export function findJavaMethodShim(base: unknown, name: string): BoundMethod | undefined {
  const bind = <T>(methods: ReadonlyMap<string, Shim<T>>, self: T): BoundMethod | undefined => {
    const shim = methods.get(name);
    return shim && ((args) => shim(self, args));
  };
  if (typeof base === 'string') {
    return bind(STRING_METHODS, base);
  }
  if (Array.isArray(base)) {
    return bind(LIST_METHODS, base);
  }
  if (isMapLike(base)) {
    return bind(MAP_METHODS, base);
  }
  if (typeof base === 'number') {
    return bind(NUMBER_METHODS, base) ?? bind(OBJECT_METHODS, base);
  }
  return bind(OBJECT_METHODS, base);
}

/** Java's optional int parameters (`indexOf(s, from)`) arrive as undefined when omitted. */
function toInteger(value: unknown): number | undefined {
  return value === undefined ? undefined : Math.trunc(coerceToNumber(value));
}

function elementAt(list: readonly unknown[], index = 0): unknown {
  if (index < 0 || index >= list.length) {
    throw new ElException('evaluation', `Index ${index} out of bounds for length ${list.length}`);
  }
  return list[index];
}

function hasKey(map: MapLike, key: unknown): boolean {
  return map instanceof Map ? map.has(key) : Object.hasOwn(map, coerceToString(key));
}

function valueAt(map: MapLike, key: unknown): unknown {
  if (map instanceof Map) {
    return map.get(key);
  }
  const name = coerceToString(key);
  return Object.hasOwn(map, name) ? (map as Readonly<Record<string, unknown>>)[name] : undefined;
}

/** Java's String.split drops trailing empty strings. */
function splitLikeJava(text: string, regex: string): string[] {
  const parts = text.split(new RegExp(regex));
  while (parts.length > 1 && parts.at(-1) === '') {
    parts.pop();
  }
  return parts;
}
