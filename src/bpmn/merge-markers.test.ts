import { describe, expect, it } from 'vitest';

import { mergeMarkers } from './merge-markers';

describe('mergeMarkers', () => {
  it('unions the classes per element, each once, in the order first given', () => {
    expect(
      mergeMarkers(
        { taskA: ['selected'], taskB: ['has-incident'] },
        { taskA: ['has-incident', 'selected'] },
        {},
      ),
    ).toEqual({ taskA: ['selected', 'has-incident'], taskB: ['has-incident'] });
  });
});
