/**
 * The part of bpmn-moddle's API the model parser uses. bpmn-moddle ships generated element types
 * (`bpmn-moddle/types`) but none for its entry point, so under `noImplicitAny` the import needs
 * this declaration. Elements are typed loosely on purpose: the parser reads every property through
 * the checked accessors in `moddle-element.ts` instead of trusting the schema.
 */
declare module 'bpmn-moddle' {
  /** A parsed element: `$type` is the qualified type name, e.g. `bpmn:UserTask`. */
  export interface ModdleElement {
    readonly $type: string;
    readonly $parent?: ModdleElement;
    /** Attributes the schema does not know, keyed by their qualified name. */
    readonly $attrs?: Record<string, string>;
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    readonly [property: string]: unknown;
  }

  export interface ModdleWarning {
    message: string;
    error?: Error;
    /** For unresolved references: the element holding the reference and its property. */
    element?: ModdleElement;
    property?: string;
    value?: string;
  }

  export interface FromXmlResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    warnings: ModdleWarning[];
  }

  /** Thrown by `fromXML` when the document cannot be read at all. */
  export interface FromXmlError extends Error {
    warnings?: ModdleWarning[];
  }

  export interface BpmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }

  /** A factory (not a class): `BpmnModdle({ camunda: camundaPackage })`. */
  export function BpmnModdle(
    packages?: Record<string, unknown>,
    options?: Record<string, unknown>,
  ): BpmnModdleInstance;
}
