import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';

import { engineRequest } from '../../api/engine-client';
import { operationLogKeys } from '../../api/query-keys';

/** Camunda stores annotations in a 4000-character column (`ACT_HI_OP_LOG.ANNOTATION_`). */
export const MAX_ANNOTATION_LENGTH = 4000;

export const annotationFormSchema = z.object({
  annotation: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter an annotation, or clear it instead'),
      z.maxLength(
        MAX_ANNOTATION_LENGTH,
        `An annotation has at most ${MAX_ANNOTATION_LENGTH} characters`,
      ),
    ),
});

export type AnnotationFormValues = z.infer<typeof annotationFormSchema>;

export interface SetAnnotationVariables {
  operationId: string;
  annotation: string;
}

/**
 * `PUT /history/user-operation/{operationId}/set-annotation`: Camunda sets the annotation on every
 * entry of the operation and logs a `SetAnnotation` entry of its own, so the log is refetched.
 */
export function useSetAnnotation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ operationId, annotation }: SetAnnotationVariables) =>
      setAnnotation(operationId, annotation),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operationLogKeys.entries() }),
  });
}

function setAnnotation(operationId: string, annotation: string): Promise<void> {
  return engineRequest(
    `/history/user-operation/${encodeURIComponent(operationId)}/set-annotation`,
    { method: 'PUT', body: { annotation } },
  );
}
