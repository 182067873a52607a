import { coerceToString, isPlainObject, typeName } from './el-coercion';
import { ElException } from './el-exception';
import { findJavaMethodShim, type BoundMethod } from './java-method-shims';

/**
 * Names that lead into JavaScript internals rather than data: with them an expression could reach
 * the Function constructor or pollute prototypes, which no Java bean would allow.
 */
const FORBIDDEN_MEMBERS = new Set([
  'constructor',
  'prototype',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/**
 * `base.property` / `base[property]` for a non-null base, as EL's resolvers do: map entries, list
 * elements, then bean properties (a data property, else a `getX()` / `isX()` method).
 */
export function resolveProperty(base: unknown, property: unknown): unknown {
  if (base === null || base === undefined || property === null || property === undefined) {
    return null;
  }
  if (base instanceof Map) {
    return base.get(property) ?? null;
  }
  if (Array.isArray(base)) {
    return base[toListIndex(property)] ?? null;
  }
  const name = coerceToString(property);
  if (FORBIDDEN_MEMBERS.has(name)) {
    throw propertyNotFound(base, name);
  }
  if (typeof base === 'object' && name in base) {
    const value: unknown = (base as Record<string, unknown>)[name];
    // A method is not a property in EL; `a.getB` style access falls through to the getter rule.
    if (typeof value !== 'function') {
      return value ?? null;
    }
  }
  const capitalized = name.charAt(0).toUpperCase() + name.slice(1);
  // Plain objects are maps (a missing key is null), so only their own functions act as getters.
  const lookup = isPlainObject(base) ? nativeMethod : resolveMethod;
  const getter = lookup(base, `get${capitalized}`) ?? lookup(base, `is${capitalized}`);
  if (getter) {
    return getter([]) ?? null;
  }
  if (isPlainObject(base)) {
    return null;
  }
  throw propertyNotFound(base, name);
}

/**
 * The method `name` on `base`, bound to it. Objects acting as beans (an `execution` literal, class
 * instances) keep their own methods first; strings, arrays and maps get Java semantics first
 * (`replace` replaces all, `toString()` prints `[a, b]`) and fall back to their JavaScript methods.
 */
export function resolveMethod(base: unknown, name: string): BoundMethod | undefined {
  if (
    base === null ||
    base === undefined ||
    typeof base === 'function' ||
    FORBIDDEN_MEMBERS.has(name)
  ) {
    return undefined;
  }
  const hasJavaSemantics = typeof base !== 'object' || Array.isArray(base) || base instanceof Map;
  return hasJavaSemantics
    ? (findJavaMethodShim(base, name) ?? nativeMethod(base, name))
    : (nativeMethod(base, name) ?? findJavaMethodShim(base, name));
}

function nativeMethod(base: unknown, name: string): BoundMethod | undefined {
  if (FORBIDDEN_MEMBERS.has(name)) {
    return undefined;
  }
  const method: unknown = (Object(base) as Record<string, unknown>)[name];
  // Object.prototype's members (valueOf, hasOwnProperty, …) are JavaScript plumbing, not a bean's API.
  if (
    typeof method !== 'function' ||
    method === (Object.prototype as Record<string, unknown>)[name]
  ) {
    return undefined;
  }
  return (args) => {
    const result: unknown = Reflect.apply(method, base, args);
    return result;
  };
}

function toListIndex(property: unknown): number {
  if (typeof property === 'number') {
    return Math.trunc(property);
  }
  if (typeof property === 'string' && /^[+-]?\d+$/.test(property.trim())) {
    return Number(property);
  }
  throw new ElException('property', `Cannot parse list index: ${coerceToString(property)}`);
}

function propertyNotFound(base: unknown, name: string): ElException {
  return new ElException('property', `Could not find property ${name} in class ${typeName(base)}`);
}
