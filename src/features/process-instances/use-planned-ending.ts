import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';

import { isInstanceGone } from './is-instance-gone';
import { processInstanceQueries } from '../../api/process-instance-queries';

/**
 * An end of the instance that the console applied itself, as its plan predicted: `applying`
 * while the request runs (the instance may already answer 404), `ended` once it succeeded and
 * the instance is gone.
 */
export type PlannedEnding = 'none' | 'applying' | 'ended';

/**
 * Follows the apply of a plan predicted to end the instance, so that the page can tell the end
 * the operator asked for from an instance that vanished: only a successful apply followed by a
 * 404 of the instance counts as ended as planned; a refused apply or an instance still running
 * leaves the page to what the engine answers.
 */
export function usePlannedEnding(processInstanceId: string) {
  const queryClient = useQueryClient();
  const [ending, setEnding] = useState<PlannedEnding>('none');

  const follow = useCallback(
    (applying: Promise<void>) => {
      setEnding('applying');
      void (async () => {
        try {
          await applying;
        } catch {
          setEnding('none');
          return;
        }
        try {
          await queryClient.query({
            ...processInstanceQueries.detail(processInstanceId),
            staleTime: 0,
          });
          setEnding('none');
        } catch (error) {
          setEnding(isInstanceGone(error) ? 'ended' : 'none');
        }
      })();
    },
    [queryClient, processInstanceId],
  );

  return { ending, follow };
}
