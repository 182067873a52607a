import { describe, expect, it } from 'vitest';
import { toModificationInstructions } from './modification-instructions';
import { InvalidRequestException } from './rest-errors';

describe('toModificationInstructions', () => {
  it("answers the engine translation's refusal as the REST layer's 400", () => {
    let thrown: unknown;
    try {
      toModificationInstructions([{ type: 'startTransition' }], 'processInstance');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidRequestException);
    expect(thrown).toMatchObject({
      status: 400,
      message: "For instruction type 'startTransition': 'transitionId' must be set",
    });
  });
});
