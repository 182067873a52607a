/**
 * Variables given with a start instruction (Camunda's `TriggerVariableValueDto`), as the operator types them and as
 * they are sent. Rows of the variable editor are plain strings, validated per type by
 * `variableRowsSchema`; `toPlanVariables` turns valid rows into typed values.
 */
import * as z from 'zod/mini';

import type { TriggerVariableValueDto } from '../../../contract/camunda/variables';
import { toCamundaDate } from '../../lib/camunda-date';

export const VARIABLE_TYPES = [
  'String',
  'Integer',
  'Long',
  'Double',
  'Boolean',
  'Date',
  'Json',
  'Null',
] as const;

export type VariableTypeName = (typeof VARIABLE_TYPES)[number];

/** A typed variable of a start instruction; Date values are ISO 8601 text, Json values JSON text. */
export type PlanVariable = { name: string; local: boolean } & (
  | { type: 'String'; value: string }
  | { type: 'Integer' | 'Long' | 'Double'; value: number }
  | { type: 'Boolean'; value: boolean }
  | { type: 'Date'; value: string }
  | { type: 'Json'; value: string }
  | { type: 'Null'; value: null }
);

/** One editor row, as typed. */
export interface VariableRow {
  name: string;
  type: VariableTypeName;
  value: string;
  local: boolean;
}

const INTEGER_MIN = -2_147_483_648;
const INTEGER_MAX = 2_147_483_647;
const INTEGER_PATTERN = /^[+-]?\d+$/;
const DOUBLE_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN_PATTERN = /^(true|false)$/i;
const ISO_DATE_TIME_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch milliseconds of an ISO 8601 date-time (offset optional: then local time), or null. */
export function parseIsoDateTime(text: string): number | null {
  const trimmed = text.trim();
  if (!ISO_DATE_TIME_PATTERN.test(trimmed)) {
    return null;
  }
  // `Date.parse` is only required to read `±HH:mm`; Camunda's own format writes `±HHmm`.
  const normalized = trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const epochMs = Date.parse(normalized);
  return Number.isNaN(epochMs) ? null : epochMs;
}

/** Why a value does not fit its type, in the operator's words; null when it fits. */
export function variableValueProblem(type: VariableTypeName, value: string): string | null {
  const text = value.trim();
  switch (type) {
    case 'String':
      return null;
    case 'Integer': {
      if (!INTEGER_PATTERN.test(text)) {
        return 'Enter a whole number, e.g. 42.';
      }
      const number = Number(text);
      return number < INTEGER_MIN || number > INTEGER_MAX
        ? 'An Integer is 32-bit: enter a whole number from -2147483648 to 2147483647.'
        : null;
    }
    case 'Long':
      if (!INTEGER_PATTERN.test(text)) {
        return 'Enter a whole number, e.g. 42.';
      }
      return Number.isSafeInteger(Number(text))
        ? null
        : 'Enter a whole number from -9007199254740991 to 9007199254740991 (larger ones lose digits in the browser).';
    case 'Double':
      return DOUBLE_PATTERN.test(text) && Number.isFinite(Number(text))
        ? null
        : 'Enter a number, e.g. 3.14.';
    case 'Boolean':
      return BOOLEAN_PATTERN.test(text) ? null : 'Enter true or false.';
    case 'Date':
      return parseIsoDateTime(text) === null
        ? 'Enter an ISO 8601 date and time, e.g. 2024-05-01T14:30:00Z.'
        : null;
    case 'Json':
      try {
        JSON.parse(text);
        return null;
      } catch {
        return 'Enter valid JSON, e.g. {"a": 1} or [1, 2].';
      }
    case 'Null':
      return text === '' ? null : 'A Null variable has no value: leave it empty.';
  }
}

/** The editor's schema: a name per row, once, and a value that fits the chosen type. */
export const variableRowsSchema = z.object({
  variables: z
    .array(
      z.object({
        name: z.string().check(z.trim(), z.minLength(1, 'Enter a name.')),
        type: z.enum(VARIABLE_TYPES),
        value: z.string(),
        local: z.boolean(),
      }),
    )
    .check(
      z.superRefine((rows, context) => {
        const seen = new Set<string>();
        rows.forEach((row, index) => {
          const problem = variableValueProblem(row.type, row.value);
          if (problem !== null) {
            context.addIssue({ code: 'custom', message: problem, path: [index, 'value'] });
          }
          const name = row.name.trim();
          if (name !== '' && seen.has(name)) {
            context.addIssue({
              code: 'custom',
              message: `'${name}' is already set above.`,
              path: [index, 'name'],
            });
          }
          seen.add(name);
        });
      }),
    ),
});

export type VariableRowsFormValues = z.infer<typeof variableRowsSchema>;

/** Valid rows → typed plan variables (the editor's submit mapping). */
export function toPlanVariables(rows: readonly VariableRow[]): PlanVariable[] {
  return rows.map((row): PlanVariable => {
    const name = row.name.trim();
    const text = row.value.trim();
    switch (row.type) {
      case 'String':
        return { name, local: row.local, type: 'String', value: row.value };
      case 'Integer':
      case 'Long':
      case 'Double':
        return { name, local: row.local, type: row.type, value: Number(text) };
      case 'Boolean':
        return { name, local: row.local, type: 'Boolean', value: text.toLowerCase() === 'true' };
      case 'Date':
        return { name, local: row.local, type: 'Date', value: text };
      case 'Json':
        return { name, local: row.local, type: 'Json', value: text };
      case 'Null':
        return { name, local: row.local, type: 'Null', value: null };
    }
  });
}

/** Plan variables → editor rows (the editor's default values). */
export function toVariableRows(variables: readonly PlanVariable[]): VariableRow[] {
  return variables.map((variable) => ({
    name: variable.name,
    type: variable.type,
    value: variable.value === null ? '' : String(variable.value),
    local: variable.local,
  }));
}

/** The REST form (`TriggerVariableValueDto`); dates in Camunda's format. */
export function toTriggerVariableDto(variable: PlanVariable): TriggerVariableValueDto {
  const value =
    variable.type === 'Date'
      ? toCamundaDate(parseIsoDateTime(variable.value) ?? Number.NaN)
      : variable.value;
  return { value, type: variable.type, valueInfo: {}, local: variable.local };
}

/** How a variable reads in a sentence: `amount = 42 (Integer, local)`. */
export function describeVariable(variable: PlanVariable): string {
  const value =
    variable.type === 'Null'
      ? 'null'
      : variable.type === 'String'
        ? `"${variable.value}"`
        : String(variable.value);
  return `${variable.name} = ${value} (${variable.type}${variable.local ? ', local' : ''})`;
}
