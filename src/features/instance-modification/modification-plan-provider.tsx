import { Modal } from '@carbon/react';
import { useBlocker, useRouter } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { ReactNode } from 'react';

import type { BatchDto } from '../../../contract/camunda/batch';
import type { MoveSource } from './model/legal-actions';
import { INITIAL_PLAN_STATE, hasUnsentInstructions, planReducer } from './model/modification-plan';
import { EMPTY_PLAN } from '../../modification/model/instruction';
import type { PlanState } from './model/modification-plan';
import { loadPlan, savePlan } from './model/instance-plan-storage';
import { ModificationPlanContext } from './modification-plan-context';
import type { ModificationPlanContextValue } from './modification-plan-context';

export interface ModificationPlanProviderProps {
  processInstanceId: string;
  children: ReactNode;
}

/**
 * Holds the modification plan of one process instance for everything inside it – the diagram's
 * decorations and the workspace alike. The plan is restored from and saved to localStorage
 * (`repair-plan:<instanceId>`), and leaving the page with an unsent plan asks first.
 */
export function ModificationPlanProvider({
  processInstanceId,
  children,
}: ModificationPlanProviderProps) {
  // Another instance is another plan: start over instead of carrying state across.
  return (
    <PlanStateProvider key={processInstanceId} processInstanceId={processInstanceId}>
      {children}
    </PlanStateProvider>
  );
}

function PlanStateProvider({ processInstanceId, children }: ModificationPlanProviderProps) {
  const [state, dispatch] = useReducer(planReducer, processInstanceId, restorePlan);
  const [moveSource, setMoveSource] = useState<MoveSource | null>(null);
  const [followedBatch, setFollowedBatch] = useState<BatchDto | null>(null);

  useEffect(() => {
    savePlan(processInstanceId, { plan: state.plan, baseTree: state.baseTree });
  }, [processInstanceId, state.plan, state.baseTree]);

  const completePlan = useCallback(() => {
    dispatch({ type: 'load', plan: EMPTY_PLAN, baseTree: null });
    setMoveSource(null);
  }, []);

  const value = useMemo(
    (): ModificationPlanContextValue => ({
      processInstanceId,
      plan: state.plan,
      baseTree: state.baseTree,
      canUndo: state.past.length > 0,
      dispatch,
      moveSource,
      setMoveSource,
      followedBatch,
      setFollowedBatch,
      completePlan,
    }),
    [processInstanceId, state, moveSource, followedBatch, completePlan],
  );

  const unsent = hasUnsentInstructions(state.plan);
  return (
    <ModificationPlanContext.Provider value={value}>
      {children}
      <UnsentPlanGuard active={unsent} />
    </ModificationPlanContext.Provider>
  );
}

function restorePlan(processInstanceId: string): PlanState {
  const stored = loadPlan(processInstanceId);
  return stored === null
    ? INITIAL_PLAN_STATE
    : planReducer(INITIAL_PLAN_STATE, {
        type: 'load',
        plan: stored.plan,
        baseTree: stored.baseTree,
      });
}

/**
 * Asks before the page is left with an unsent plan: the browser's own prompt on reload or close,
 * a dialog on navigation inside the console (when a router is there).
 */
function UnsentPlanGuard({ active }: { active: boolean }) {
  // Null outside a router (tests, embedding without routing): then only the unload prompt.
  const router = useRouter({ warn: false }) as ReturnType<typeof useRouter> | null;

  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const handleBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', handleBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', handleBeforeUnload);
    };
  }, [active]);

  return router === null ? null : <NavigationBlocker active={active} />;
}

function NavigationBlocker({ active }: { active: boolean }) {
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => active && current.pathname !== next.pathname,
    enableBeforeUnload: false,
    withResolver: true,
  });
  if (blocker.status !== 'blocked') {
    return null;
  }
  return (
    <Modal
      open
      size="sm"
      modalHeading="Leave without sending the plan?"
      primaryButtonText="Leave"
      secondaryButtonText="Stay"
      onRequestSubmit={blocker.proceed}
      onRequestClose={blocker.reset}
      onSecondarySubmit={blocker.reset}
    >
      <p>
        The modification plan for this instance has not been sent. It stays saved in this browser
        and comes back when you return to the instance.
      </p>
    </Modal>
  );
}
