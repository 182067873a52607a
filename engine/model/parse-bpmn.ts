/**
 * BPMN 2.0 XML with Camunda extensions → the executable model in `process-model.ts`, following
 * Camunda 7's `BpmnParse`: the same activity types, the same defaults, and the same deployment
 * errors (ENGINE-09005) where Camunda has them. What this engine cannot execute – scripts, Java
 * classes, DMN, CMMN, compensation, transactions – is rejected at deployment with a problem naming
 * the element, rather than failing at run time.
 */
import {
  BpmnModdle,
  type FromXmlError,
  type FromXmlResult,
  type ModdleElement,
  type ModdleWarning,
} from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { BpmnParseException, ProblemCollector, type ParseProblem } from './bpmn-parse-exception';
import { elementsProp, idOf, stringProp } from './moddle-element';
import { ParseContext } from './parse-context';
import type { ParsedDefinitions } from './process-model';
import { ProcessParser, type ParseOptions } from './parse-process';

/** One moddle instance for all parses: it only holds the schema; each `fromXML` has its own reader. */
const moddle = BpmnModdle({ camunda: camundaModdle });

/**
 * Parses one BPMN resource. Rejects with a `BpmnParseException` (a `ParseException`, HTTP 400)
 * listing every problem found, or for XML that cannot be read at all.
 */
export async function parseBpmn(
  xml: string,
  resourceName: string,
  options: ParseOptions = {},
): Promise<ParsedDefinitions> {
  let result: FromXmlResult;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    throw new BpmnParseException(resourceName, [unreadableDocumentProblem(error)]);
  }
  const collector = new ProblemCollector(xml);
  const definitions = result.rootElement;
  const context = new ParseContext(
    collector,
    collectWarnings(result.warnings, collector),
    (reference) => resolveQualifiedReference(definitions, result.elementsById, reference),
  );
  const rootElements = elementsProp(definitions, 'rootElements');
  checkSignals(context, rootElements);
  const processes = rootElements
    .filter((element) => element.$type === 'bpmn:Process')
    .flatMap((element) => {
      const process = new ProcessParser(context, element, options).parse();
      return process === null ? [] : [process];
    });
  if (collector.hasProblems) {
    throw new BpmnParseException(resourceName, collector.problems);
  }
  return { processes, targetNamespace: stringProp(definitions, 'targetNamespace') };
}

/**
 * Camunda resolves references such as `messageRef="tns:message"` as QNames: the prefix must stand
 * for the target namespace, in which every id of the document lives. Moddle only knows plain ids.
 */
function resolveQualifiedReference(
  definitions: ModdleElement,
  elementsById: Record<string, ModdleElement>,
  reference: string,
): ModdleElement | null {
  const separator = reference.indexOf(':');
  if (separator === -1) {
    return null;
  }
  const namespace = definitions.$attrs?.[`xmlns:${reference.slice(0, separator)}`];
  if (namespace === undefined || namespace !== stringProp(definitions, 'targetNamespace')) {
    return null;
  }
  return elementsById[reference.slice(separator + 1)] ?? null;
}

/** Malformed XML, or a document that is not `bpmn:definitions`: moddle gives up on those. */
function unreadableDocumentProblem(error: unknown): ParseProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = parseModdlePosition(message);
  if (position !== null) {
    return {
      message: `Malformed XML: ${position.nested}`,
      line: position.line,
      column: position.column,
      mainElementId: null,
      elementIds: [],
    };
  }
  const [firstWarning] = (error as FromXmlError | undefined)?.warnings ?? [];
  const warningPosition =
    firstWarning === undefined ? null : parseModdlePosition(firstWarning.message);
  return {
    message: message.startsWith('failed to parse document as')
      ? `Not a BPMN 2.0 document: the root element must be <definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL${warningPosition === null ? '' : ` (${warningPosition.nested})`}`
      : `Malformed XML: ${message}`,
    line: warningPosition?.line ?? null,
    column: warningPosition?.column ?? null,
    mainElementId: null,
    elementIds: [],
  };
}

/** Moddle's "unparsable content <x> detected\n\tline: 0\n\tcolumn: 13\n\tnested error: …" (0-based). */
function parseModdlePosition(
  message: string,
): { tag: string | null; line: number; column: number; nested: string } | null {
  const match =
    /unparsable content(?: <([^>]*)>)? detected\s+line: (\d+)\s+column: (\d+)\s+nested error: ([\s\S]*)/.exec(
      message,
    );
  if (match === null) {
    return null;
  }
  return {
    tag: match[1] ?? null,
    line: Number(match[2]) + 1,
    column: Number(match[3]) + 1,
    nested: (match[4] ?? '').trim(),
  };
}

/**
 * Moddle reads on past what it does not understand and only warns. Content it had to drop (unknown
 * BPMN elements, duplicate ids) becomes a problem, since Camunda's schema validation rejects it;
 * unresolved references are kept for `ParseContext.referenceId`; unknown attributes are ignored,
 * as extension attributes of other tools are common.
 */
function collectWarnings(
  warnings: ModdleWarning[],
  collector: ProblemCollector,
): Map<ModdleElement, Map<string, string>> {
  const unresolved = new Map<ModdleElement, Map<string, string>>();
  for (const warning of warnings) {
    if (
      warning.message.startsWith('unresolved reference') &&
      warning.element !== undefined &&
      warning.property !== undefined &&
      warning.value !== undefined
    ) {
      const property = warning.property.includes(':')
        ? warning.property.slice(warning.property.indexOf(':') + 1)
        : warning.property;
      const properties = unresolved.get(warning.element) ?? new Map<string, string>();
      properties.set(property, warning.value);
      unresolved.set(warning.element, properties);
      continue;
    }
    const position = parseModdlePosition(warning.message);
    if (position === null) {
      continue;
    }
    const duplicate = /^duplicate ID <(.*)>$/.exec(position.nested);
    const unknown = /^unknown type <(.*)>$/.exec(position.nested);
    const message =
      duplicate !== null
        ? `Duplicate id '${duplicate[1] ?? ''}' (element <${position.tag ?? '?'}>): ids must be unique within a BPMN document`
        : unknown !== null
          ? `Unknown element <${position.tag ?? '?'}> (type ${unknown[1] ?? '?'})`
          : `Invalid content <${position.tag ?? '?'}>: ${position.nested}`;
    collector.addAt(message, position.line, position.column);
  }
  return unresolved;
}

/** Signals are matched by name, so Camunda requires a unique name on each. */
function checkSignals(context: ParseContext, rootElements: ModdleElement[]): void {
  const names = new Set<string>();
  for (const signal of rootElements.filter((element) => element.$type === 'bpmn:Signal')) {
    const name = stringProp(signal, 'name');
    if (name === null) {
      context.invalid(signal, `signal with id '${idOf(signal) ?? ''}' has no name`);
    } else if (names.has(name)) {
      context.invalid(signal, `duplicate signal name '${name}'.`);
    }
    if (name !== null) {
      names.add(name);
    }
  }
}
