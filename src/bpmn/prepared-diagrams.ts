import { whenIdle } from '../lib/when-idle';

/** What bpmn-js' model reads from an XML (`moddle.fromXML`): its definitions and what it noted. */
export interface ParsedDiagram {
  rootElement: unknown;
  warnings: readonly unknown[];
}

type ParseXml = (xml: string) => Promise<ParsedDiagram>;

interface PreparedDiagram {
  parsed?: ParsedDiagram;
  /** Taken or dropped before its turn came: it is not parsed at all. */
  dropped: boolean;
}

/**
 * Enough for the definition whose instance list is open and one opened just before: each holds a
 * whole parsed model.
 */
const MAX_PREPARED = 2;

/**
 * The largest XML read ahead, in characters. Reading is one task the page cannot interrupt: 60 kB
 * (300 elements) take 30–50 ms on a 2-core machine, so 256 kB keep it near 200 ms, and input on
 * the list waits no longer than that. A larger XML is read by its import, when it is needed.
 */
export const MAX_PREPARED_XML_LENGTH = 256 * 1024;

const prepared = new Map<string, PreparedDiagram>();

/**
 * Reads `xml` into bpmn-js' model ahead of its import, once the browser is idle. Reading the XML is
 * about a fifth of an import, and a page that is about to show a diagram (a definition's instance
 * list, whose instances all show its XML) can do it before the click; the import then only draws.
 * `parse` reads as the viewer's own model does, so the import gets what it would have made. An XML
 * that does not parse is not kept: its import reads it again and reports why it failed.
 */
export function prepareDiagram(xml: string, parse: Promise<ParseXml>): void {
  if (xml.length > MAX_PREPARED_XML_LENGTH || prepared.has(xml)) {
    return;
  }
  for (const [oldest, entry] of prepared) {
    if (prepared.size < MAX_PREPARED) {
      break;
    }
    entry.dropped = true;
    prepared.delete(oldest);
  }
  const entry: PreparedDiagram = { dropped: false };
  prepared.set(xml, entry);
  const forget = () => {
    if (prepared.get(xml) === entry) {
      prepared.delete(xml);
    }
  };
  parse.then((parseXml) => {
    whenIdle(() => {
      if (entry.dropped) {
        return;
      }
      parseXml(xml).then((parsed) => {
        entry.parsed = parsed;
      }, forget);
    });
  }, forget);
}

/**
 * The model of `xml` if it was read ahead and is ready; taken, since an import owns the model it
 * draws. One still waiting for its turn is dropped: the import reads the XML itself, at once.
 */
export function takePreparedDiagram(xml: string): ParsedDiagram | undefined {
  const entry = prepared.get(xml);
  if (entry === undefined) {
    return undefined;
  }
  prepared.delete(xml);
  entry.dropped = true;
  return entry.parsed;
}
