import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
// zod/mini: the same schemas, a fifth of the bytes on the sign-in screen.
import * as z from 'zod/mini';

import { signIn } from '../../api/console-session';
import type { EngineCredentials } from '../../api/console-session';
import { engineCapabilityQueries } from '../../api/engine-capabilities';
import type { AuthenticationState } from '../../api/engine-capabilities';

export const signInFormSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'Enter your user name')),
  password: z.string().check(z.minLength(1, 'Enter your password')),
});

export type SignInFormValues = z.infer<typeof signInFormSchema>;

/**
 * Hands the credentials to the server, which checks them with the engine and keeps them in the
 * session cookie (`console-session.ts`). The cache is dropped: it may hold another user's view
 * of the engine.
 *
 * An engine that accepts any credentials would accept these too, which proves nothing: when the
 * probe has found authentication off, the mutation resolves with `off` and signs nobody in, so
 * the form can say what that means instead of pretending the password was checked. `null`: the
 * probe failed, so only the credentials are known to work.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: EngineCredentials) => signInUnlessOff(queryClient, credentials),
    onSuccess: (authentication) => {
      if (authentication !== 'off') {
        queryClient.clear();
      }
    },
  });
}

/** Continues without credentials, on an engine that checks none; every tab then does. */
export function useContinueWithoutCredentials() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => signIn({ withoutCredentials: true }),
    onSuccess: () => {
      queryClient.clear();
    },
  });
}

async function signInUnlessOff(
  queryClient: QueryClient,
  credentials: EngineCredentials,
): Promise<AuthenticationState | null> {
  const authentication = await queryClient
    .query(engineCapabilityQueries.authentication())
    .catch((): AuthenticationState | null => null);
  if (authentication !== 'off') {
    await signIn(credentials);
  }
  return authentication;
}
