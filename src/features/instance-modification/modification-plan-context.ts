import { createContext } from 'react';
import type { Dispatch } from 'react';

import type { BatchDto } from '../../../contract/camunda/batch';
import type { MoveSource } from './model/legal-actions';
import type { PlanAction, PlanState } from './model/modification-plan';
import type { ModificationPlan } from '../../modification/model/instruction';

/** The plan of one process instance and what the operator is doing with it right now. */
export interface ModificationPlanContextValue {
  processInstanceId: string;
  plan: ModificationPlan;
  /** The tree the plan was last edited against; null while the plan is empty. */
  baseTree: PlanState['baseTree'];
  canUndo: boolean;
  dispatch: Dispatch<PlanAction>;
  /** Set while the operator chooses where to move the tokens of an activity. */
  moveSource: MoveSource | null;
  setMoveSource: (source: MoveSource | null) => void;
  /** The batch of the last "Apply as batch", followed until it is done. */
  followedBatch: BatchDto | null;
  setFollowedBatch: (batch: BatchDto | null) => void;
  /** After a successful apply: the plan is done, forgotten here and in storage, without undo. */
  completePlan: () => void;
}

export const ModificationPlanContext = createContext<ModificationPlanContextValue | null>(null);
