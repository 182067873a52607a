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
 * Json values are kept as their JSON text, as Camunda's Spin does.
 */
export interface TypedValue {
  type: ValueType;
  value: unknown;
  valueInfo: Record<string, unknown>;
}
