/**
 * Which JUEL exception a failure corresponds to. Camunda turns each into its own message prefix
 * ("Unknown property used in expression: …"), so the evaluator keeps the distinction until it knows
 * the whole expression text.
 */
export type ElFailure = 'property' | 'method' | 'evaluation';

/** A failure inside evaluation, before it is wrapped into the engine's exception with the text. */
export class ElException extends Error {
  constructor(
    readonly failure: ElFailure,
    message: string,
  ) {
    super(message);
  }
}
