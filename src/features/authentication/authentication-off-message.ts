/**
 * What an engine without authentication means for the operator. Camunda writes the user
 * operation log only for an authenticated user (`UserOperationLogManager.isUserOperationLogEnabled`
 * with its default `restrictUserOperationLogToAuthenticatedUsers`), so neither a user nor an
 * annotation is recorded.
 */
export const AUTHENTICATION_OFF_TITLE = 'This engine does not check credentials';

export const AUTHENTICATION_OFF_CONSEQUENCES =
  'Anyone who can reach it can change it, and it records no user and no annotation in the operation log.';
