/** Conversion between stored typed values and the plain values expressions work with. */
import { NO_VALUE_INFO, type TypedValue } from '../variables';

/** The value an expression sees: Json is parsed, Date becomes a Date. */
export function toPlainValue(typed: TypedValue): unknown {
  switch (typed.type) {
    case 'Json':
      return typeof typed.value === 'string' ? (JSON.parse(typed.value) as unknown) : typed.value;
    case 'Date':
      return typed.value === null ? null : new Date(typed.value as number);
    default:
      return typed.value;
  }
}

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

/** Infers Camunda's type for a value set from an expression or a listener, as Java boxing would. */
export function toTypedValue(value: unknown): TypedValue {
  if (value === null || value === undefined) {
    return { type: 'Null', value: null, valueInfo: NO_VALUE_INFO };
  }
  if (typeof value === 'string') {
    return { type: 'String', value, valueInfo: NO_VALUE_INFO };
  }
  if (typeof value === 'boolean') {
    return { type: 'Boolean', value, valueInfo: NO_VALUE_INFO };
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      return value >= INT_MIN && value <= INT_MAX
        ? { type: 'Integer', value, valueInfo: NO_VALUE_INFO }
        : { type: 'Long', value, valueInfo: NO_VALUE_INFO };
    }
    return { type: 'Double', value, valueInfo: NO_VALUE_INFO };
  }
  if (value instanceof Date) {
    return { type: 'Date', value: value.getTime(), valueInfo: NO_VALUE_INFO };
  }
  return { type: 'Json', value: JSON.stringify(value), valueInfo: NO_VALUE_INFO };
}

/** An expression's result where Camunda expects a string (a task's name, a business key). */
export function nullableString(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
