/**
 * Request variables `{value, type, valueInfo}` → `TypedValue`s, with the coercions and messages of
 * Camunda's `VariableValueDto.toTypedValue` (Jackson's conversion of the JSON value to the Java
 * type). In the engine rather than the REST layer so that the console's preview converts the
 * variables of the very request body it checks with the code the server runs.
 */
import { parseCamundaDate } from './camunda-date';
import { InvalidRequestDtoException } from './errors';
import { exceedsJsonNestingDepth, nestingDepthMessage } from './json-nesting';
import { NO_VALUE_INFO, type TypedValue, type ValueType } from './variables';

/** A request variable as it arrives: every field may be missing. */
export interface VariableValueInput {
  value?: unknown;
  type?: string | null;
  valueInfo?: Record<string, unknown> | null;
}

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const SHORT_MIN = -32_768;
const SHORT_MAX = 32_767;

/** JSON serialisation of Object variables; the only format this engine can (de)serialise. */
const JSON_DATA_FORMAT = 'application/json';
const JAVA_DATA_FORMAT = 'application/x-java-serialized-object';

const JAVA_TYPES: Record<string, string> = {
  String: 'java.lang.String',
  Integer: 'java.lang.Integer',
  Long: 'java.lang.Long',
  Short: 'java.lang.Short',
  Double: 'java.lang.Double',
  Boolean: 'java.lang.Boolean',
  Date: 'java.util.Date',
};

/** Camunda accepts the REST type name with either case of its first letter (`String`, `string`). */
const TYPE_NAMES = new Map(
  [
    'String',
    'Integer',
    'Long',
    'Short',
    'Double',
    'Boolean',
    'Date',
    'Json',
    'Xml',
    'Null',
    'Object',
    'Bytes',
    'File',
  ].map((name) => [name.charAt(0).toLowerCase() + name.slice(1), name]),
);

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    return JSON.stringify(value);
  }
  return String(value);
}

function cannotConvert(value: unknown, type: string): InvalidRequestDtoException {
  const javaType = JAVA_TYPES[type] ?? type;
  return new InvalidRequestDtoException(
    `Cannot convert value '${describe(value)}' of type '${type}' to java type ${javaType}`,
  );
}

function parseInteger(value: unknown, type: string, min: number, max: number): number {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())
        ? Number(value)
        : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw cannotConvert(value, type);
  }
  return number;
}

/** Jackson's coercions for a primitive type, as Camunda applies them to request values. */
function toPrimitive(type: ValueType, value: unknown): unknown {
  switch (type) {
    case 'String':
      if (typeof value === 'string') {
        return value;
      }
      if (typeof value === 'number' || typeof value === 'boolean') {
        return String(value);
      }
      throw cannotConvert(value, type);
    case 'Integer':
      return parseInteger(value, type, INT_MIN, INT_MAX);
    case 'Short':
      return parseInteger(value, type, SHORT_MIN, SHORT_MAX);
    case 'Long':
      return parseInteger(value, type, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    case 'Double': {
      const number =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : NaN;
      if (!Number.isFinite(number)) {
        throw cannotConvert(value, type);
      }
      return number;
    }
    case 'Boolean':
      if (typeof value === 'boolean') {
        return value;
      }
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
        return value.toLowerCase() === 'true';
      }
      throw cannotConvert(value, type);
    case 'Date': {
      const epochMs = typeof value === 'string' ? parseCamundaDate(value) : null;
      if (epochMs === null) {
        throw cannotConvert(value, type);
      }
      return epochMs;
    }
    default:
      return value;
  }
}

/**
 * Json and Object values arrive as JSON text and are parsed again whenever they are read; Spin's
 * Jackson would refuse such text, and here it would make every later read of the variable fail.
 */
function refuseDeepJson(text: string, type: string): void {
  if (exceedsJsonNestingDepth(text)) {
    throw new InvalidRequestDtoException(
      `Cannot convert value of type '${type}': ${nestingDepthMessage()}`,
    );
  }
}

function toJsonText(value: unknown): string {
  if (typeof value !== 'string') {
    return JSON.stringify(value);
  }
  refuseDeepJson(value, 'Json');
  try {
    JSON.parse(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidRequestDtoException(
      `Cannot convert value '${value}' of type 'Json': it is not valid JSON (${reason})`,
    );
  }
  return value;
}

function toObjectValue(value: unknown, valueInfo: Record<string, unknown>): TypedValue {
  const format =
    typeof valueInfo.serializationDataFormat === 'string'
      ? valueInfo.serializationDataFormat
      : JSON_DATA_FORMAT;
  if (format !== JSON_DATA_FORMAT) {
    const reason =
      format === JAVA_DATA_FORMAT
        ? 'Java serialization is not supported by this engine'
        : `serialization data format '${format}' is not supported by this engine`;
    throw new InvalidRequestDtoException(
      `Cannot convert value '${describe(value)}' of type 'Object': ${reason}; send serializationDataFormat '${JSON_DATA_FORMAT}' with the value as JSON text`,
    );
  }
  let deserialized: unknown = value;
  if (typeof value === 'string') {
    refuseDeepJson(value, 'Object');
    try {
      deserialized = JSON.parse(value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InvalidRequestDtoException(
        `Cannot convert value '${value}' of type 'Object': it is not valid JSON (${reason})`,
      );
    }
  }
  const objectTypeName =
    typeof valueInfo.objectTypeName === 'string' ? valueInfo.objectTypeName : null;
  return {
    type: 'Object',
    value: deserialized,
    valueInfo: { objectTypeName, serializationDataFormat: JSON_DATA_FORMAT },
  };
}

/** The type Camunda gives an untyped value, as Java boxing of the JSON value would. */
function inferType(value: unknown): TypedValue {
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
    if (!Number.isInteger(value)) {
      return { type: 'Double', value, valueInfo: NO_VALUE_INFO };
    }
    return {
      type: value >= INT_MIN && value <= INT_MAX ? 'Integer' : 'Long',
      value,
      valueInfo: NO_VALUE_INFO,
    };
  }
  return { type: 'Json', value: JSON.stringify(value), valueInfo: NO_VALUE_INFO };
}

/** Converts one request variable; throws `InvalidRequestDtoException` (400) explaining what is wrong. */
export function toTypedValue(input: VariableValueInput): TypedValue {
  const { value = null, type } = input;
  const valueInfo = input.valueInfo ?? {};
  if (type === null || type === undefined) {
    return inferType(value);
  }
  const name = TYPE_NAMES.get(type.charAt(0).toLowerCase() + type.slice(1));
  if (name === undefined) {
    throw new InvalidRequestDtoException(`Unsupported value type '${type}'`);
  }
  switch (name) {
    case 'Bytes':
      throw new InvalidRequestDtoException(
        `Cannot convert value of type 'Bytes': byte arrays are not supported by this engine`,
      );
    case 'File':
      throw new InvalidRequestDtoException(
        `Cannot convert value of type 'File': files are not supported by this engine`,
      );
    case 'Xml':
      throw new InvalidRequestDtoException(
        `Cannot convert value of type 'Xml': XML values are not supported by this engine; use 'Json' or 'String'`,
      );
    case 'Null':
      return { type: 'Null', value: null, valueInfo: NO_VALUE_INFO };
    case 'Json':
      return {
        type: 'Json',
        value: value === null ? null : toJsonText(value),
        valueInfo: NO_VALUE_INFO,
      };
    case 'Object':
      return value === null
        ? { type: 'Object', value: null, valueInfo: { ...valueInfo } }
        : toObjectValue(value, valueInfo);
    default: {
      const valueType = name as ValueType;
      return {
        type: valueType,
        value: value === null ? null : toPrimitive(valueType, value),
        valueInfo: NO_VALUE_INFO,
      };
    }
  }
}

/** Converts a request variable map; a failing variable names itself in the message. */
export function toTypedValueMap(
  variables: Record<string, VariableValueInput> | null | undefined,
): Record<string, TypedValue> {
  const result: Record<string, TypedValue> = {};
  for (const [name, input] of Object.entries(variables ?? {})) {
    result[name] = toTypedValue(input);
  }
  return result;
}
