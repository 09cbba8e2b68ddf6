import { expect } from 'vitest';
import { SignInError } from '../../lib/auth/errors.ts';

/** The SignInError a sign-in step failed with; fails the test when it did not fail that way. */
export async function signInFailure(promise: Promise<unknown>): Promise<SignInError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SignInError);
  return error as SignInError;
}
