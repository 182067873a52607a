import * as z from 'zod/mini';

/** The review form: the annotation, required unless configured otherwise. */
export function createReviewFormSchema(annotationRequired: boolean) {
  const maxLength = z.maxLength(4000, 'Keep the annotation under 4000 characters.');
  return z.object({
    annotation: annotationRequired
      ? z
          .string()
          .check(
            z.trim(),
            maxLength,
            z.minLength(1, 'Say why: this console asks for the reason of every repair.'),
          )
      : z.string().check(z.trim(), maxLength),
  });
}

export type ReviewFormValues = z.infer<ReturnType<typeof createReviewFormSchema>>;
