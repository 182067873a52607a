import { describe, expect, it } from 'vitest';

import {
  checkExecutionJobs,
  compareFields,
  expandPlaceholders,
  hasPerfectMatching,
  matchError,
  sameMultiset,
} from './expectations';

describe('matchError', () => {
  const response = {
    status: 400,
    body: {
      type: 'NotValidException',
      message: "Cannot perform instruction: Start before activity 'x'",
      code: 0,
    },
  };

  it('accepts a response with the status, type and message parts', () => {
    const expected = { status: 400, type: 'NotValidException', messageContains: ["'x'"] };
    expect(matchError(expected, response)).toBeNull();
    expect(matchError({ status: 400 }, response)).toBeNull();
  });

  it('names what differs', () => {
    expect(matchError({ status: 500, type: 'NotValidException' }, response)).toMatch(
      /^expected error 500 NotValidException, got 400 NotValidException "Cannot/,
    );
    expect(matchError({ status: 400, type: 'ProcessEngineException' }, response)).toMatch(
      /got 400 NotValidException/,
    );
    expect(matchError({ status: 400, messageContains: ['ENGINE-13036', "'x'"] }, response)).toMatch(
      /; the message lacks "ENGINE-13036"$/,
    );
  });

  it('reports an expected error that did not happen', () => {
    expect(matchError({ status: 400 }, { status: 204, body: null })).toMatch(/succeeded with 204/);
    expect(matchError({ status: 400 }, undefined)).toMatch(/no request was made/);
    expect(matchError({ status: 400, type: 'X' }, { status: 400, body: null })).toMatch(
      /got 400 \(no type\) ""/,
    );
  });
});

describe('multisets and matchings', () => {
  it('compares lists of plain values in any order', () => {
    expect(sameMultiset([0, 1, 2, 3], [3, 1, 0, 2])).toBe(true);
    expect(sameMultiset([0, 1, 1], [0, 1, 2])).toBe(false);
    expect(sameMultiset([1], [1, undefined])).toBe(false);
  });

  it('finds a perfect matching where a greedy pairing would fail', () => {
    const fits = (l: string, r: string) => r.startsWith(l);
    expect(hasPerfectMatching(['a', 'ab'], ['ab', 'a'], fits)).toBe(true);
    expect(hasPerfectMatching(['a', 'ab'], ['ab', 'b'], fits)).toBe(false);
  });

  it('pairs each expected batch job with its own job', () => {
    const specs = [{ retries: 2 }, { retries: 2, exceptionMessageContains: ['boom'] }];
    const boom = { id: '1', retries: 2, exceptionMessage: 'boom' };
    const other = { id: '2', retries: 2, exceptionMessage: 'other' };
    expect(checkExecutionJobs(specs, [other, boom])).toEqual([]);
    expect(checkExecutionJobs(specs, [other, other])).toHaveLength(1);
    expect(checkExecutionJobs(specs, [boom])).toHaveLength(1);
  });
});

describe('fields and placeholders', () => {
  it('reads an absent field as null', () => {
    expect(compareFields('e', { property: null, count: 1 }, { count: 1 })).toEqual([]);
    expect(compareFields('e', { property: 'async' }, { property: null })).toEqual([
      'e: property is null, expected "async"',
    ]);
  });

  it('expands known ${name} placeholders and keeps others', () => {
    expect(
      expandPlaceholders(
        { jobConfiguration: '${batchId}', n: 1, other: '${x}' },
        { batchId: 'b1' },
      ),
    ).toEqual({ jobConfiguration: 'b1', n: 1, other: '${x}' });
  });
});
