/** A point of the diagram, in diagram pixels. */
export interface DiagramPoint {
  x: number;
  y: number;
}

/**
 * The point halfway along a connection's path, measured along its segments: on the line itself,
 * unlike the middle of its bounding box, which on a bent flow lies off the line (and may lie on a
 * neighbouring shape). Undefined for a connection without waypoints.
 */
export function pathMiddle(waypoints: readonly DiagramPoint[]): DiagramPoint | undefined {
  const segments = waypoints.slice(1).map((end, position) => {
    const start = waypoints[position] as DiagramPoint;
    return { start, end, length: Math.hypot(end.x - start.x, end.y - start.y) };
  });
  let remaining = segments.reduce((sum, { length }) => sum + length, 0) / 2;
  for (const { start, end, length } of segments) {
    if (remaining <= length && length > 0) {
      const fraction = remaining / length;
      return {
        x: start.x + (end.x - start.x) * fraction,
        y: start.y + (end.y - start.y) * fraction,
      };
    }
    remaining -= length;
  }
  return waypoints[0];
}

/**
 * `pathMiddle` as diagram-js overlay offsets: diagram-js places a connection's overlays relative
 * to the top-left corner of its waypoints' bounding box.
 */
export function pathMiddleOffset(
  waypoints: readonly DiagramPoint[],
): { top: number; left: number } | undefined {
  const middle = pathMiddle(waypoints);
  if (middle === undefined) {
    return undefined;
  }
  const left = Math.min(...waypoints.map(({ x }) => x));
  const top = Math.min(...waypoints.map(({ y }) => y));
  return { top: middle.y - top, left: middle.x - left };
}
