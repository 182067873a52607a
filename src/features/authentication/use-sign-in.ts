import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
// zod/mini: the same schemas, a fifth of the bytes on the sign-in screen.
import * as z from 'zod/mini';

import { storeCredentials, storeUnauthenticatedSession } from '../../api/credentials';
import type { EngineCredentials } from '../../api/credentials';
import { engineRequest } from '../../api/engine-client';
import { engineCapabilityQueries } from '../../api/engine-capabilities';
import type { AuthenticationState } from '../../api/engine-capabilities';

export const signInFormSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'Enter your user name')),
  password: z.string().check(z.minLength(1, 'Enter your password')),
});

export type SignInFormValues = z.infer<typeof signInFormSchema>;

/**
 * Verifies the credentials with `GET /version` (any authenticated request would do) and keeps
 * them for the session. The cache is dropped: it may hold another user's view of the engine.
 *
 * An engine that accepts any credentials accepts these too, which proves nothing: the mutation
 * then resolves with `off` and keeps nothing, so the form can say what that means instead of
 * pretending the password was checked.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: EngineCredentials) => verifyCredentials(queryClient, credentials),
    onSuccess: (authentication, credentials) => {
      if (authentication === 'off') {
        return;
      }
      storeCredentials(credentials);
      queryClient.clear();
    },
  });
}

/** Continues without credentials, on an engine that checks none. */
export function useContinueWithoutCredentials() {
  const queryClient = useQueryClient();
  return () => {
    storeUnauthenticatedSession();
    queryClient.clear();
  };
}

/**
 * `on` when the engine accepted the credentials and refuses ones that cannot be right; `off`
 * when it accepts both; null when the probe failed, so only the credentials are known to work.
 */
async function verifyCredentials(
  queryClient: QueryClient,
  credentials: EngineCredentials,
): Promise<AuthenticationState | null> {
  await engineRequest('/version', { credentials });
  return queryClient
    .query(engineCapabilityQueries.authentication())
    .catch((): AuthenticationState | null => null);
}
