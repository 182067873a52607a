/**
 * JSON request bodies, read the way Camunda's Jackson setup reads them: only as
 * `application/json`, unknown properties are ignored, scalars are coerced where Jackson coerces
 * them, and a body that is not JSON or does not fit the DTO is a 400 `InvalidRequestException`
 * with an empty message, as Camunda's `JsonMappingExceptionHandler` answers it
 * (docs/camunda-semantics.md#error-bodies-and-status-codes).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { readDateText } from '../engine/camunda-date';
import { exceedsJsonNestingDepth, nestingDepthMessage } from '../engine/json-nesting';
import { requireMediaType } from './request-limits';
import { InvalidRequestException } from './rest-errors';

/** A Java `String` property: numbers and booleans are accepted as their text. */
export const jsonString = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A Java `Boolean` property: `"true"`/`"false"` are accepted too. */
export const jsonBoolean = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((value) => value === 'true'),
]);

/** A Java `Integer` property. */
export const jsonInteger = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^[+-]?\d+$/)
    .transform(Number),
]);

export const jsonStringList = z.array(z.string());

/**
 * A `java.util.Date` property, as Jackson reads it with Camunda's date format (engine/camunda-date.ts):
 * a string in that format, empty or `"null"` for no date, or an integer of epoch milliseconds.
 * Becomes epoch milliseconds or null.
 */
export const jsonDate = z.union([z.string(), z.number().int()]).transform((value, context) => {
  // Jackson takes an integer as epoch milliseconds (a JavaScript Date holds up to 8.64e15).
  if (typeof value === 'number') {
    if (Math.abs(value) > 8.64e15) {
      context.addIssue({ code: 'custom', message: `not a date: ${String(value)}` });
      return z.NEVER;
    }
    return value;
  }
  const reading = readDateText(value);
  if (reading.kind === 'invalid') {
    context.addIssue({ code: 'custom', message: `not a date: ${value}` });
    return z.NEVER;
  }
  return reading.kind === 'date' ? reading.epochMs : null;
});

/** `VariableValueDto` in a request: `{value, type, valueInfo}`, every part optional. */
export const variableValueSchema = z.object({
  value: z.unknown(),
  type: jsonString.nullish(),
  valueInfo: z.record(z.string(), z.unknown()).nullish(),
});

export const variableMapSchema = z.record(z.string(), variableValueSchema);

/** `TriggerVariableValueDto`: a variable of a start instruction. */
export const triggerVariableMapSchema = z.record(
  z.string(),
  variableValueSchema.extend({ local: jsonBoolean.nullish() }),
);

export const sortingSchema = z.object({
  sortBy: jsonString.nullish(),
  sortOrder: jsonString.nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
});

/** Parses a JSON text the way Jackson would map it onto the DTO `schema` describes. */
export function parseJsonBody<T extends z.ZodType>(text: string, schema: T): z.output<T> {
  let json: unknown;
  if (text.trim() !== '') {
    // Jackson's StreamReadConstraints refuse such a body too. Refused here, when it is written,
    // because the parsed value would be stored and break every later read that walks it.
    if (exceedsJsonNestingDepth(text)) {
      throw new InvalidRequestException(400, nestingDepthMessage());
    }
    try {
      json = JSON.parse(text);
    } catch {
      throw new InvalidRequestException(400, '');
    }
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new InvalidRequestException(400, '');
  }
  return result.data;
}

/** The body of a resource that `@Consumes(MediaType.APPLICATION_JSON)`, as text. */
export async function readJsonText(c: Context): Promise<string> {
  requireMediaType(c, 'application/json');
  return c.req.text();
}

/** Reads and maps the request body; an empty body counts as a missing one. */
export async function readJsonBody<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<z.output<T>> {
  return parseJsonBody(await readJsonText(c), schema);
}

/** A body DTO whose properties are all optional; a missing body is an empty DTO. */
export function bodyObject<T extends z.ZodRawShape>(shape: T) {
  const schema = z.object(shape);
  type Body = z.output<typeof schema>;
  // Every property of a body DTO is optional, so an empty object is a valid DTO.
  return schema.nullish().transform((value): Body => value ?? ({} as Body));
}
