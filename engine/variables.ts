/** Camunda's value types that this engine stores, in the REST `VariableValueDto` map form. */
export type ValueType =
  | 'String'
  | 'Integer'
  | 'Long'
  | 'Short'
  | 'Double'
  | 'Boolean'
  | 'Date'
  | 'Json'
  | 'Null'
  | 'Object';

/**
 * A typed variable value. Dates are stored as epoch milliseconds and formatted by the REST layer;
 * Json values are kept as their JSON text, as Camunda's Spin does. Never changed in place (a
 * write replaces it), so a variable, its historic instance and its details share one.
 */
export interface TypedValue {
  readonly type: ValueType;
  readonly value: unknown;
  readonly valueInfo: Readonly<Record<string, unknown>>;
}

/**
 * The `valueInfo` of every value type but Object: one shared, frozen object rather than an empty
 * one per value (56 bytes each in V8), as runtime, history and details each hold the value.
 */
export const NO_VALUE_INFO: Readonly<Record<string, unknown>> = Object.freeze({});
