import { describe, expect, it } from 'vitest';
import { InvalidRequestException } from './rest-errors';
import { toTypedValue, toVariableValueDto } from './variable-values';

function conversionError(input: Parameters<typeof toTypedValue>[0]): string {
  try {
    toTypedValue(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect((error as InvalidRequestException).status).toBe(400);
    return (error as Error).message;
  }
  throw new Error('expected a conversion error');
}

describe('toTypedValue', () => {
  it('infers the type of untyped values as Java boxing would', () => {
    expect(toTypedValue({ value: 'x' }).type).toBe('String');
    expect(toTypedValue({ value: 42 }).type).toBe('Integer');
    expect(toTypedValue({ value: 2 ** 40 }).type).toBe('Long');
    expect(toTypedValue({ value: 1.5 }).type).toBe('Double');
    expect(toTypedValue({ value: true }).type).toBe('Boolean');
    expect(toTypedValue({ value: null }).type).toBe('Null');
    expect(toTypedValue({ value: { a: 1 } })).toEqual({
      type: 'Json',
      value: '{"a":1}',
      valueInfo: {},
    });
  });

  it('accepts the coercions Jackson applies', () => {
    expect(toTypedValue({ value: '42', type: 'Integer' }).value).toBe(42);
    expect(toTypedValue({ value: 7, type: 'String' }).value).toBe('7');
    expect(toTypedValue({ value: 'true', type: 'Boolean' }).value).toBe(true);
    expect(toTypedValue({ value: '2.5', type: 'Double' }).value).toBe(2.5);
    expect(toTypedValue({ value: 3, type: 'integer' }).type).toBe('Integer');
  });

  it('refuses values that do not fit the type, naming value, type and Java type', () => {
    expect(conversionError({ value: 'abc', type: 'Integer' })).toBe(
      "Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer",
    );
    expect(conversionError({ value: 2 ** 31, type: 'Integer' })).toContain("of type 'Integer'");
    expect(conversionError({ value: 40000, type: 'Short' })).toContain('java.lang.Short');
    expect(conversionError({ value: 1.5, type: 'Long' })).toContain('java.lang.Long');
    expect(conversionError({ value: 'yes', type: 'Boolean' })).toContain('java.lang.Boolean');
    expect(conversionError({ value: { a: 1 }, type: 'String' })).toContain('java.lang.String');
    expect(conversionError({ value: '23.01.2013', type: 'Date' })).toBe(
      "Cannot convert value '23.01.2013' of type 'Date' to java type java.util.Date",
    );
  });

  it('stores dates as epoch milliseconds and Json as JSON text', () => {
    expect(toTypedValue({ value: '2013-01-23T14:42:45.000+0000', type: 'Date' }).value).toBe(
      Date.UTC(2013, 0, 23, 14, 42, 45),
    );
    expect(toTypedValue({ value: '[1,2]', type: 'Json' }).value).toBe('[1,2]');
    expect(toTypedValue({ value: [1, 2], type: 'Json' }).value).toBe('[1,2]');
    expect(conversionError({ value: '{broken', type: 'Json' })).toContain('not valid JSON');
  });

  it('deserializes JSON-serialized Object values', () => {
    const typed = toTypedValue({
      value: '["1"]',
      type: 'Object',
      valueInfo: {
        objectTypeName: 'java.util.ArrayList',
        serializationDataFormat: 'application/json',
      },
    });
    expect(typed).toEqual({
      type: 'Object',
      value: ['1'],
      valueInfo: {
        objectTypeName: 'java.util.ArrayList',
        serializationDataFormat: 'application/json',
      },
    });
  });

  it('explains what this engine cannot store', () => {
    expect(conversionError({ value: 'AAEC', type: 'Bytes' })).toBe(
      "Cannot convert value of type 'Bytes': byte arrays are not supported by this engine",
    );
    expect(conversionError({ value: 'x', type: 'File' })).toContain('files are not supported');
    expect(
      conversionError({
        value: 'rO0AB',
        type: 'Object',
        valueInfo: { serializationDataFormat: 'application/x-java-serialized-object' },
      }),
    ).toContain('Java serialization is not supported by this engine');
    expect(conversionError({ value: 1, type: 'Money' })).toBe("Unsupported value type 'Money'");
  });
});

describe('toVariableValueDto', () => {
  it('formats dates and renders Object values serialized on request', () => {
    expect(
      toVariableValueDto({ type: 'Date', value: Date.UTC(2013, 0, 23), valueInfo: {} }),
    ).toEqual({
      type: 'Date',
      value: '2013-01-23T00:00:00.000+0000',
      valueInfo: {},
    });
    const object = {
      type: 'Object' as const,
      value: ['1'],
      valueInfo: { objectTypeName: 'java.util.ArrayList' },
    };
    expect(toVariableValueDto(object).value).toEqual(['1']);
    expect(toVariableValueDto(object, false).value).toBe('["1"]');
  });
});
