// zod/mini, as the sign-in form: the same schemas for a fraction of the bytes.
import * as z from 'zod/mini';

import { isVariableFilter, VARIABLE_FILTER_HINT } from './process-instance-filters';
import type { ProcessInstanceFilters } from './process-instance-filters';

/** The filter form: text fields are applied on submit, so the variable syntax is checked there. */
export const processInstanceFilterFormSchema = z.object({
  businessKey: z.string(),
  activityId: z.string(),
  withIncidents: z.boolean(),
  variable: z
    .string()
    .check(
      z.refine((text) => text.trim() === '' || isVariableFilter(text.trim()), VARIABLE_FILTER_HINT),
    ),
});

export type ProcessInstanceFilterFormValues = z.infer<typeof processInstanceFilterFormSchema>;

export function toFilterFormValues(
  filters: ProcessInstanceFilters,
): ProcessInstanceFilterFormValues {
  return {
    businessKey: filters.businessKey ?? '',
    activityId: filters.activityId ?? '',
    withIncidents: filters.withIncidents ?? false,
    variable: filters.variable ?? '',
  };
}
