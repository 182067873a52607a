/**
 * What an expression can see when it is evaluated. Identifiers resolve first to variables visible
 * from the current scope, then to `beans` (such as `execution` or `task`); an identifier that is
 * neither is an error, as in Camunda ("Unknown property used in expression").
 */
export interface ExpressionContext {
  hasVariable(name: string): boolean;
  getVariable(name: string): unknown;
  beans: Record<string, unknown>;
  /**
   * EL functions called without a base, such as Camunda's `now()` or `currentUser()`. Optional: the
   * engine supplies them where it has a clock and a user; elsewhere `${now()}` is an error.
   */
  functions?: Record<string, (...args: unknown[]) => unknown>;
}
