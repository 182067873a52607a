import { describe, expect, it } from 'vitest';

import { describeMissingAuthorizations, toEngineError } from './engine-error';

/** The body Camunda's AuthorizationExceptionDto has for a refused batch creation. */
const BATCH_REFUSAL = JSON.stringify({
  type: 'AuthorizationException',
  message:
    "The user with id 'john' does not have one of the following permissions: 'CREATE_BATCH_MODIFY_PROCESS_INSTANCES' permission on resource 'Batch' or 'CREATE' permission on resource 'Batch'",
  code: 0,
  userId: 'john',
  permissionName: null,
  resourceName: null,
  resourceId: null,
  missingAuthorizations: [
    {
      permissionName: 'CREATE_BATCH_MODIFY_PROCESS_INSTANCES',
      resourceName: 'Batch',
      resourceId: null,
    },
    { permissionName: 'CREATE', resourceName: 'Batch', resourceId: null },
  ],
});

describe('describeMissingAuthorizations', () => {
  it('names the user and every permission of which one is enough', () => {
    const error = toEngineError(403, 'Forbidden', BATCH_REFUSAL);

    expect(describeMissingAuthorizations(error)).toBe(
      'The user john needs one of these permissions: CREATE_BATCH_MODIFY_PROCESS_INSTANCES on every Batch; or CREATE on every Batch. An administrator can grant it (Camunda Admin → Authorizations).',
    );
  });

  it('names the resource a single permission is missing on', () => {
    const error = toEngineError(
      403,
      'Forbidden',
      JSON.stringify({
        type: 'AuthorizationException',
        message:
          "The user with id 'john' does not have 'UPDATE' permission on resource 'b-1' of type 'Batch'.",
        userId: 'john',
        missingAuthorizations: [
          { permissionName: 'UPDATE', resourceName: 'Batch', resourceId: 'b-1' },
        ],
      }),
    );

    expect(describeMissingAuthorizations(error)).toBe(
      'The user john needs UPDATE on Batch b-1. An administrator can grant it (Camunda Admin → Authorizations).',
    );
  });

  it('says nothing for errors that are not refusals', () => {
    const error = toEngineError(
      400,
      'Bad Request',
      JSON.stringify({ type: 'InvalidRequestException', message: 'no' }),
    );

    expect(describeMissingAuthorizations(error)).toBeNull();
  });
});
