/**
 * Variables between REST and engine: request maps `{name: {value, type, valueInfo}}` become
 * `TypedValue`s and stored values are rendered as Camunda's `VariableValueDto`s. The request side
 * is the engine's (engine/variable-input.ts), which the console's preview runs too.
 */
import type { VariableRec } from '../engine/runtime/state';
import {
  toTypedValue as convertVariable,
  toTypedValueMap as convertVariableMap,
} from '../engine/variable-input';
import type { VariableValueInput } from '../engine/variable-input';
import type { TypedValue } from '../engine/variables';
import type { VariableMapDto, VariableValueDto } from '../contract/camunda/variables';
import { formatCamundaDate } from './camunda-date';
import { asRestRequestError } from './rest-errors';

/** Converts one request variable; throws a 400 `InvalidRequestException` explaining what is wrong. */
export function toTypedValue(input: VariableValueInput): TypedValue {
  return asRestRequestError(() => convertVariable(input));
}

/** Converts a request variable map; a failing variable names itself in the message. */
export function toTypedValueMap(
  variables: Record<string, VariableValueInput> | null | undefined,
): Record<string, TypedValue> {
  return asRestRequestError(() => convertVariableMap(variables));
}

/**
 * Renders a stored value. With `deserializeValues=false` an Object value is sent as its JSON
 * text, as Camunda sends the serialized form.
 */
export function toVariableValueDto(typed: TypedValue, deserializeValues = true): VariableValueDto {
  switch (typed.type) {
    case 'Date':
      return {
        type: 'Date',
        value: formatCamundaDate(typed.value as number | null),
        valueInfo: {},
      };
    case 'Object':
      return {
        type: 'Object',
        value:
          deserializeValues || typed.value === null ? typed.value : JSON.stringify(typed.value),
        valueInfo: { ...typed.valueInfo },
      };
    default:
      return { type: typed.type, value: typed.value ?? null, valueInfo: { ...typed.valueInfo } };
  }
}

/** Renders `{name: VariableValueDto}`. */
export function toVariableMapDto(
  variables: Record<string, VariableRec>,
  deserializeValues = true,
): VariableMapDto {
  const result: VariableMapDto = {};
  for (const [name, variable] of Object.entries(variables)) {
    result[name] = toVariableValueDto(variable.value, deserializeValues);
  }
  return result;
}
