import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

import type { ExceptionDto } from '../../../contract/camunda/common';
import { createQueryClient } from '../../lib/query-client';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { buildProcessInstance, PROCESS_INSTANCE_ID } from './test-data-builders';
import { usePlannedEnding } from './use-planned-ending';

const INSTANCE_URL = `${ENGINE_REST_URL}/process-instance/${PROCESS_INSTANCE_ID}`;

const RUNNING = buildProcessInstance();

/** The instance as the engine answers it after the apply: running, or gone (404). */
function serveInstance(running: boolean) {
  server.use(
    http.get(INSTANCE_URL, () =>
      running
        ? HttpResponse.json(RUNNING)
        : HttpResponse.json<ExceptionDto>(
            {
              type: 'InvalidRequestException',
              message: 'Process instance with id pi-1 does not exist',
              code: null,
            },
            { status: 404 },
          ),
    ),
  );
}

function renderPlannedEnding() {
  const queryClient = createQueryClient({ retry: false });
  return renderHook(() => usePlannedEnding(PROCESS_INSTANCE_ID), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    ),
  });
}

/** An apply whose outcome the test decides. */
function deferredApply() {
  let succeed: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const applying = new Promise<void>((resolve, reject) => {
    succeed = resolve;
    fail = reject;
  });
  return { applying, succeed, fail };
}

describe('usePlannedEnding', () => {
  it('counts a successful apply after which the instance is gone as ended as planned', async () => {
    serveInstance(false);
    const { result } = renderPlannedEnding();
    const apply = deferredApply();

    act(() => {
      result.current.follow(apply.applying);
    });
    expect(result.current.ending).toBe('applying');
    apply.succeed();

    await waitFor(() => {
      expect(result.current.ending).toBe('ended');
    });
  });

  it('leaves an instance that still runs after the apply to what the engine answers', async () => {
    serveInstance(true);
    const { result } = renderPlannedEnding();
    const apply = deferredApply();

    act(() => {
      result.current.follow(apply.applying);
    });
    apply.succeed();

    await waitFor(() => {
      expect(result.current.ending).toBe('none');
    });
  });

  it('leaves a refused apply to what the engine answers, even if the instance is gone', async () => {
    // Gone for another reason (deleted meanwhile): the plan did not end it.
    serveInstance(false);
    const { result } = renderPlannedEnding();
    const apply = deferredApply();

    act(() => {
      result.current.follow(apply.applying);
    });
    apply.fail(new Error('Process instance with id pi-1 does not exist'));

    await waitFor(() => {
      expect(result.current.ending).toBe('none');
    });
  });
});
