import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { processInstanceQueries } from '../../api/process-instance-queries';
import { toTokenOverlays } from './token-overlays';
import type { TokenOverlay } from './token-overlays';

const NO_TOKENS: ReadonlyMap<string, TokenOverlay> = new Map();

/** Tokens and incidents per diagram element, from the activity instance tree and the incidents. */
export function useTokenOverlays(processInstanceId: string): ReadonlyMap<string, TokenOverlay> {
  const { data: tree } = useQuery(processInstanceQueries.activityInstances(processInstanceId));
  const { data: incidents } = useQuery(processInstanceQueries.incidents(processInstanceId));
  return useMemo(
    () => (tree === undefined ? NO_TOKENS : toTokenOverlays(tree, incidents)),
    [tree, incidents],
  );
}
