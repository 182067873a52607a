/**
 * What the parsing functions share: reporting a problem about an element, and reading references
 * that moddle could not resolve. Problems are collected rather than thrown so that one deployment
 * attempt lists everything that is wrong, as Camunda does.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProblemCollector } from './bpmn-parse-exception';
import { elementProp, idOf, tagName } from './moddle-element';

export class ParseContext {
  constructor(
    private readonly collector: ProblemCollector,
    /** Reference ids moddle could not resolve, by holding element and property (local name). */
    private readonly unresolved: Map<ModdleElement, Map<string, string>>,
    /** Resolves a reference moddle could not, e.g. a QName like `tns:message` (null if none). */
    private readonly lookup: (reference: string) => ModdleElement | null,
  ) {}

  /** The element is valid BPMN but this engine cannot execute it. */
  unsupported(element: ModdleElement, reason: string, relatedIds: string[] = []): void {
    this.collector.add(
      `Unsupported element ${describe(element)}: ${reason}`,
      ownerId(element),
      relatedIds,
    );
  }

  /** The element is wrong or incomplete (Camunda rejects it too). */
  invalid(element: ModdleElement, message: string, relatedIds: string[] = []): void {
    this.collector.add(`Element ${describe(element)}: ${message}`, ownerId(element), relatedIds);
  }

  /** A problem reported in Camunda's own words, not about the element's shape. */
  refuse(element: ModdleElement, message: string): void {
    this.collector.add(message, ownerId(element));
  }

  /**
   * The id a reference property names, whether or not it names an element: moddle drops an
   * unresolved reference and only warns, but Camunda sometimes uses the raw id (an `errorRef` to a
   * missing error is taken as the error code).
   */
  referenceId(element: ModdleElement, property: string): string | null {
    return this.reference(element, property).id;
  }

  /** The element a reference property names, or null. */
  resolve(element: ModdleElement, property: string): ModdleElement | null {
    return this.reference(element, property).target;
  }

  private reference(
    element: ModdleElement,
    property: string,
  ): { id: string | null; target: ModdleElement | null } {
    const target = elementProp(element, property);
    if (target !== null) {
      return { id: idOf(target), target };
    }
    const raw = this.unresolved.get(element)?.get(property) ?? null;
    if (raw === null) {
      return { id: null, target: null };
    }
    const resolved = this.lookup(raw);
    return resolved === null ? { id: raw, target: null } : { id: idOf(resolved), target: resolved };
  }
}

/** The nearest element with an id: the element itself, or e.g. the event holding a definition. */
export function ownerOf(element: ModdleElement): ModdleElement | null {
  let current: ModdleElement | undefined = element;
  while (current !== undefined) {
    if (idOf(current) !== null) {
      return current;
    }
    current = current.$parent;
  }
  return null;
}

function ownerId(element: ModdleElement): string | null {
  const owner = ownerOf(element);
  return owner === null ? null : idOf(owner);
}

/** `'bpmn:scriptTask' (id 'Task_1')`, or `'camunda:executionListener' in 'bpmn:userTask' (id 'Task_1')`. */
function describe(element: ModdleElement): string {
  const id = idOf(element);
  if (id !== null) {
    return `'${tagName(element)}' (id '${id}')`;
  }
  const owner = ownerOf(element);
  if (owner === null) {
    return `'${tagName(element)}'`;
  }
  return `'${tagName(element)}' in '${tagName(owner)}' (id '${idOf(owner) ?? ''}')`;
}
