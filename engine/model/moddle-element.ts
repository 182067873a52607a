/**
 * Checked reads from bpmn-moddle elements. Moddle returns whatever the XML held, typed or not
 * (an attribute in a namespace it does not know stays a string in `$attrs`), so every read goes
 * through one of these instead of a cast.
 */
import type { ModdleElement } from 'bpmn-moddle';

function isElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string'
  );
}

/** A string property; null when absent or not a string. */
export function stringProp(element: ModdleElement, name: string): string | null {
  const value = element[name];
  return typeof value === 'string' ? value : null;
}

/**
 * A boolean property. Moddle converts attributes its schema types as Boolean; one it does not know
 * (e.g. `camunda:asyncBefore` where the schema has no such property) stays the string in `$attrs`.
 */
export function booleanProp(element: ModdleElement, name: string, fallback: boolean): boolean {
  const value = element[name] ?? element.$attrs?.[`camunda:${name}`];
  if (value === true || value === 'true') {
    return true;
  }
  if (value === false || value === 'false') {
    return false;
  }
  return fallback;
}

export function elementProp(element: ModdleElement, name: string): ModdleElement | null {
  const value = element[name];
  return isElement(value) ? value : null;
}

export function elementsProp(element: ModdleElement, name: string): ModdleElement[] {
  const value = element[name];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** The id of an element, or null for the many elements (event definitions, expressions) without one. */
export function idOf(element: ModdleElement): string | null {
  return stringProp(element, 'id');
}

/** `bpmn:UserTask` → `bpmn:userTask`: the tag name Camunda's messages use. */
export function tagName(element: ModdleElement): string {
  const [prefix, local] = element.$type.split(':');
  if (local === undefined || prefix === undefined) {
    return element.$type;
  }
  return `${prefix}:${local.charAt(0).toLowerCase()}${local.slice(1)}`;
}

/** The camunda extension elements of one type, e.g. `camunda:ExecutionListener`. */
export function extensionElements(element: ModdleElement, type: string): ModdleElement[] {
  const container = elementProp(element, 'extensionElements');
  if (container === null) {
    return [];
  }
  return elementsProp(container, 'values').filter((value) => value.$type === type);
}

/** Text of an expression element (`<conditionExpression>`, `<timeDuration>`, …), trimmed as Camunda does. */
export function bodyText(expression: ModdleElement | null): string | null {
  if (expression === null) {
    return null;
  }
  const body = stringProp(expression, 'body');
  return body === null ? null : body.trim();
}
