import * as z from 'zod';

/** The review form: the annotation, required unless configured otherwise. */
export function createReviewFormSchema(annotationRequired: boolean) {
  const annotation = z.string().trim().max(4000, 'Keep the annotation under 4000 characters.');
  return z.object({
    annotation: annotationRequired
      ? annotation.min(1, 'Say why: this console asks for the reason of every repair.')
      : annotation,
  });
}

export type ReviewFormValues = z.infer<ReturnType<typeof createReviewFormSchema>>;
