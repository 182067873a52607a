import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState } from 'react';

/** Now, in one transaction, or as a batch of jobs. */
export type SendMode = 'sync' | 'async';

export interface SendModificationMutations<SyncRequest, SyncResult, AsyncRequest, AsyncResult> {
  sync: UseMutationResult<SyncResult, Error, SyncRequest>;
  async: UseMutationResult<AsyncResult, Error, AsyncRequest>;
}

export interface SendModificationRequest<SyncRequest, SyncResult, AsyncRequest, AsyncResult> {
  mode: SendMode;
  /** Runs once the send is under way, before the check: clear what the last attempt showed. */
  prepare?: () => void;
  /**
   * Runs before anything is sent, e.g. whether the instance is still as planned: resolves false to
   * send nothing (saying why is the caller's). It reports its own failures.
   */
  check?: () => Promise<boolean>;
  sync: {
    request: SyncRequest;
    onSuccess: (result: SyncResult) => void;
    /** The request on its way, for a caller that must follow it beyond this component's life. */
    onSending?: (sending: Promise<SyncResult>) => void;
  };
  async: { request: AsyncRequest; onSuccess: (result: AsyncResult) => void };
}

/**
 * Check-then-apply for a review dialog: one send at a time (a second click in the same tick is
 * ignored), the caller's check first, then the sync or async mutation with the caller's success
 * handling. A refusal stays in `error`, and the dialog with it.
 */
export function useSendModification<SyncRequest, SyncResult, AsyncRequest, AsyncResult>(
  mutations: SendModificationMutations<SyncRequest, SyncResult, AsyncRequest, AsyncResult>,
) {
  const { sync, async } = mutations;
  // A ref, not state: a second click in the same tick must already see the first one.
  const inFlight = useRef(false);
  const [checking, setChecking] = useState(false);

  const send = async (
    request: SendModificationRequest<SyncRequest, SyncResult, AsyncRequest, AsyncResult>,
  ): Promise<void> => {
    if (inFlight.current) {
      return;
    }
    inFlight.current = true;
    request.prepare?.();
    sync.reset();
    async.reset();
    if (request.check !== undefined) {
      setChecking(true);
      let current = false;
      try {
        current = await request.check();
      } finally {
        setChecking(false);
        if (!current) {
          inFlight.current = false;
        }
      }
      if (!current) {
        return;
      }
    }
    const settle = () => {
      inFlight.current = false;
    };
    if (request.mode === 'sync') {
      const sending = sync.mutateAsync(request.sync.request, {
        onSuccess: request.sync.onSuccess,
        onSettled: settle,
      });
      request.sync.onSending?.(sending);
      // A refusal shows as `error`.
      void sending.catch(() => undefined);
    } else {
      async.mutate(request.async.request, {
        onSuccess: request.async.onSuccess,
        onSettled: settle,
      });
    }
  };

  return {
    send,
    /** The check is running. */
    checking,
    /** Checking or sending. */
    isPending: checking || sync.isPending || async.isPending,
    /** The engine's refusal of the last request. */
    error: sync.error ?? async.error,
  };
}
