/**
 * How BPMN parse problems are collected and reported. The message follows Camunda's
 * `ENGINE-09005 Could not parse BPMN process. Errors: \n* <problem> | resource <name> | line <n>`,
 * and the problems stay available one by one, shaped like the `details` Camunda's REST API adds
 * to a ParseException (`ProblemDto`), so the REST layer can report them without re-parsing text.
 */
import { ParseException } from '../errors';

export interface ParseProblem {
  /** What is wrong, naming the element: `Unsupported element 'bpmn:scriptTask' (id 'Task_1'): …`. */
  message: string;
  /** 1-based line of the element in the XML, when it can be located. */
  line: number | null;
  column: number | null;
  mainElementId: string | null;
  elementIds: string[];
}

export class BpmnParseException extends ParseException {
  constructor(
    readonly resourceName: string,
    readonly problems: ParseProblem[],
  ) {
    super(formatParseMessage(resourceName, problems));
  }
}

/** Parse.throwExceptionForErrors: each problem, its resource, then ProblemImpl.toString. */
export function formatParseMessage(resourceName: string, problems: ParseProblem[]): string {
  const lines = problems.map((problem) => {
    const line = problem.line === null ? '' : ` | line ${problem.line}`;
    const column = problem.column === null ? '' : ` | column ${problem.column}`;
    return `\n* ${problem.message} | resource ${resourceName}${line}${column}`;
  });
  return `ENGINE-09005 Could not parse BPMN process. Errors: ${lines.join('')}`;
}

/** Collects problems while parsing one resource; locates elements in the source to give lines. */
export class ProblemCollector {
  readonly problems: ParseProblem[] = [];

  constructor(private readonly xml: string) {}

  /** Adds a problem about the element with `elementId` (null when it has none). */
  add(message: string, elementId: string | null, relatedIds: string[] = []): void {
    const position = elementId === null ? null : this.locate(elementId);
    this.problems.push({
      message,
      line: position?.line ?? null,
      column: position?.column ?? null,
      mainElementId: elementId,
      elementIds: elementId === null ? relatedIds : [elementId, ...relatedIds],
    });
  }

  /** Adds a problem whose position is already known (1-based, as reported). */
  addAt(message: string, line: number | null, column: number | null): void {
    this.problems.push({ message, line, column, mainElementId: null, elementIds: [] });
  }

  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  // Moddle keeps no source positions on elements, so the element is found by its id attribute; the
  // first match is the one that counts, as ids are unique (duplicates are reported separately).
  // Camunda reports where its SAX parser's Locator stands at the start element event: just after
  // the `>` that closes the start tag (1-based line and column).
  private locate(id: string): { line: number; column: number } | null {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`\\sid\\s*=\\s*["']${escaped}["']`).exec(this.xml);
    if (match === null) {
      return null;
    }
    const end = startTagEnd(this.xml, match.index);
    const before = this.xml.slice(0, end);
    const line = before.split('\n').length;
    const column = end - before.lastIndexOf('\n');
    return { line, column };
  }
}

/** The offset just after the `>` closing the start tag that contains `from` (quotes skipped). */
function startTagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < xml.length; i++) {
    const char = xml.charAt(i);
    if (quote !== null) {
      quote = char === quote ? null : quote;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return i + 1;
    }
  }
  return xml.length;
}
