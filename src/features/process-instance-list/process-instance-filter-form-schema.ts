// zod/mini, as the sign-in form: the same schemas for a fraction of the bytes.
import * as z from 'zod/mini';

import {
  VARIABLE_OPERATORS,
  VARIABLE_VALUE_TYPES,
  variableFilterProblem,
} from '../../lib/process-instance-query';
import type { ProcessInstanceFilters, VariableFilter } from '../../lib/process-instance-query';

/**
 * The filter form: text fields are applied on submit, so each variable condition is checked
 * there, its value against the type it is sent as.
 */
export const processInstanceFilterFormSchema = z.object({
  businessKey: z.string(),
  activityId: z.string(),
  withIncidents: z.boolean(),
  variables: z.array(
    z
      .object({
        name: z.string(),
        operator: z.enum(VARIABLE_OPERATORS),
        type: z.enum(VARIABLE_VALUE_TYPES),
        value: z.string(),
        /**
         * The operator chose the type, or the URL carried it: a lookup never changes it. A new
         * condition takes the type the engine holds until the operator picks one.
         */
        typeChosen: z.boolean(),
      })
      .check(
        z.superRefine((filter, context) => {
          const problem = variableFilterProblem(filter);
          if (problem !== null) {
            context.issues.push({
              code: 'custom',
              message: problem,
              input: filter,
              path: [filter.name.trim() === '' ? 'name' : 'value'],
            });
          }
        }),
      ),
  ),
});

export type ProcessInstanceFilterFormValues = z.infer<typeof processInstanceFilterFormSchema>;

/** A new condition: a String compared for equality, until the engine says what the variable is. */
export const NEW_VARIABLE_FILTER: VariableFilter = {
  name: '',
  operator: 'eq',
  type: 'String',
  value: '',
};

export function toFilterFormValues(
  filters: ProcessInstanceFilters,
): ProcessInstanceFilterFormValues {
  return {
    businessKey: filters.businessKey ?? '',
    activityId: filters.activityId ?? '',
    withIncidents: filters.withIncidents ?? false,
    variables: (filters.variables ?? []).map((filter) => ({ ...filter, typeChosen: true })),
  };
}
