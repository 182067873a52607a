import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { processInstanceQueries } from '../../api/process-instance-queries';
import { toTokenOverlays } from './token-overlays';
import type { TokenOverlay } from './token-overlays';

const NO_TOKENS: ReadonlyMap<string, TokenOverlay> = new Map();

export interface InstanceTokens {
  /** Tokens and incidents per diagram element; empty while the tree is unknown. */
  overlays: ReadonlyMap<string, TokenOverlay>;
  /**
   * The tree or the incidents are still on their first request. Once one has failed, the diagram
   * need not wait for its retries: the page says why the tokens are missing.
   */
  isPending: boolean;
}

/** Tokens and incidents per diagram element, from the activity instance tree and the incidents. */
export function useTokenOverlays(processInstanceId: string): InstanceTokens {
  const treeQuery = useQuery(processInstanceQueries.activityInstances(processInstanceId));
  const incidentsQuery = useQuery(processInstanceQueries.incidents(processInstanceId));
  const tree = treeQuery.data;
  const incidents = incidentsQuery.data;
  const overlays = useMemo(
    () => (tree === undefined ? NO_TOKENS : toTokenOverlays(tree, incidents)),
    [tree, incidents],
  );
  const isFirstRequest = (query: { isPending: boolean; failureCount: number }) =>
    query.isPending && query.failureCount === 0;
  return { overlays, isPending: isFirstRequest(treeQuery) || isFirstRequest(incidentsQuery) };
}
