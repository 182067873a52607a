import { Button, Form, InlineNotification, PasswordInput, Stack, TextInput } from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';

import { engineCapabilityQueries } from '../../api/engine-capabilities';
import { isEngineError } from '../../api/engine-error';
import { ErrorNotification } from '../../components/error-notification';
import {
  AUTHENTICATION_OFF_CONSEQUENCES,
  AUTHENTICATION_OFF_TITLE,
} from './authentication-off-message';
import { signInFormSchema, useContinueWithoutCredentials, useSignIn } from './use-sign-in';
import type { SignInFormValues } from './use-sign-in';

interface SignInFormProps {
  onSignedIn: () => void;
}

/**
 * User name and password, checked against the engine by the server, which keeps them (never the
 * page). An engine that checks no credentials (found out by the probe) gets no password form:
 * the operator is told what that means and continues without credentials.
 */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const authentication = useQuery(engineCapabilityQueries.authentication());
  const signIn = useSignIn();
  const continueWithoutCredentials = useContinueWithoutCredentials();

  if (authentication.data === 'off') {
    return (
      <Stack gap={6}>
        <InlineNotification
          kind="warning"
          lowContrast
          hideCloseButton
          title={AUTHENTICATION_OFF_TITLE}
          subtitle={`${AUTHENTICATION_OFF_CONSEQUENCES} A password would not be checked, so the console asks for none.`}
        />
        {continueWithoutCredentials.error !== null && (
          <ErrorNotification title="Continuing failed" error={continueWithoutCredentials.error} />
        )}
        <Button
          disabled={continueWithoutCredentials.isPending}
          onClick={() => {
            continueWithoutCredentials.mutate(undefined, { onSuccess: onSignedIn });
          }}
        >
          Continue without signing in
        </Button>
      </Stack>
    );
  }
  return (
    <CredentialsForm
      signIn={signIn}
      onValidSubmit={(values) => {
        signIn.mutate(values, {
          onSuccess: (state) => {
            if (state !== 'off') {
              onSignedIn();
            }
          },
        });
      }}
    />
  );
}

interface CredentialsFormProps {
  signIn: ReturnType<typeof useSignIn>;
  onValidSubmit: (values: SignInFormValues) => void;
}

function CredentialsForm({ signIn, onValidSubmit }: CredentialsFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInFormValues>({
    resolver: zodResolver(signInFormSchema),
    defaultValues: { username: '', password: '' },
  });

  return (
    <Form
      aria-label="Sign in"
      noValidate
      onSubmit={(event) => void handleSubmit(onValidSubmit)(event)}
    >
      <Stack gap={6}>
        {signIn.error !== null &&
          (isEngineError(signIn.error) && signIn.error.status === 401 ? (
            <ErrorNotification
              title="Wrong user name or password"
              error="Check both and try again. After too many failed attempts the engine locks the user for a while."
            />
          ) : (
            <ErrorNotification title="Signing in failed" error={signIn.error} />
          ))}
        <TextInput
          id="sign-in-username"
          labelText="User name"
          autoComplete="username"
          invalid={errors.username !== undefined}
          invalidText={errors.username?.message}
          {...register('username')}
        />
        <PasswordInput
          id="sign-in-password"
          labelText="Password"
          autoComplete="current-password"
          invalid={errors.password !== undefined}
          invalidText={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
      </Stack>
    </Form>
  );
}
