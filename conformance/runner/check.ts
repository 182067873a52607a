import type { CaseContext, TargetGetter } from './case-context';
import type { Assertions } from './conformance-case';

/** A check of one assertion key: its expected value, the case, the target, the whole object. */
export type Check = (
  expected: never,
  ctx: CaseContext,
  target: TargetGetter,
  spec: Assertions,
) => Promise<string[]>;
