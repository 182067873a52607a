import { Button, Form, PasswordInput, Stack, TextInput } from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';

import { isEngineError } from '../../api/engine-error';
import { ErrorNotification } from '../../components/error-notification';
import { signInFormSchema, useSignIn } from './use-sign-in';
import type { SignInFormValues } from './use-sign-in';

interface SignInFormProps {
  onSignedIn: () => void;
}

/** User name and password, checked against the engine before they are kept. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const signIn = useSignIn();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInFormValues>({
    resolver: zodResolver(signInFormSchema),
    defaultValues: { username: '', password: '' },
  });

  const handleValidSubmit = (values: SignInFormValues) => {
    signIn.mutate(values, { onSuccess: onSignedIn });
  };

  return (
    <Form
      aria-label="Sign in"
      noValidate
      onSubmit={(event) => void handleSubmit(handleValidSubmit)(event)}
    >
      <Stack gap={6}>
        {signIn.error !== null &&
          (isEngineError(signIn.error) && signIn.error.status === 401 ? (
            <ErrorNotification
              title="Wrong user name or password"
              error="Check both and try again."
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
