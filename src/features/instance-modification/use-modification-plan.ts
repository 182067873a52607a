import { useContext } from 'react';

import { ModificationPlanContext } from './modification-plan-context';
import type { ModificationPlanContextValue } from './modification-plan-context';

/** The plan of the instance around it; only inside `<ModificationPlanProvider>`. */
export function useModificationPlan(): ModificationPlanContextValue {
  const value = useContext(ModificationPlanContext);
  if (value === null) {
    throw new Error('useModificationPlan is used outside <ModificationPlanProvider>.');
  }
  return value;
}
