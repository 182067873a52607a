import { describe, expect, it } from 'vitest';

import { pathMiddle, pathMiddleOffset } from './path-middle';

describe('pathMiddle', () => {
  it('lies halfway along a straight flow', () => {
    expect(
      pathMiddle([
        { x: 100, y: 40 },
        { x: 200, y: 40 },
      ]),
    ).toEqual({ x: 150, y: 40 });
  });

  it('lies on the line of a bent flow, not in the middle of its box', () => {
    // Down 100, then right 300: halfway (200) is 100 along the second segment.
    expect(
      pathMiddle([
        { x: 0, y: 0 },
        { x: 0, y: 100 },
        { x: 300, y: 100 },
      ]),
    ).toEqual({ x: 100, y: 100 });
  });

  it('is the only point of a path without length, and nothing without waypoints', () => {
    expect(
      pathMiddle([
        { x: 5, y: 5 },
        { x: 5, y: 5 },
      ]),
    ).toEqual({ x: 5, y: 5 });
    expect(pathMiddle([])).toBeUndefined();
  });
});

describe('pathMiddleOffset', () => {
  it('measures from the top-left corner of the waypoints’ box', () => {
    expect(
      pathMiddleOffset([
        { x: 400, y: 300 },
        { x: 400, y: 200 },
        { x: 700, y: 200 },
      ]),
    ).toEqual({ top: 0, left: 100 });
  });
});
