import { describe, expect, it } from 'vitest';

import { bulkDiagramDecorations } from './bulk-diagram-decorations';

describe('bulkDiagramDecorations', () => {
  it('puts a flow’s badge on its line and an activity’s above its corner', () => {
    const { overlays } = bulkDiagramDecorations(
      {
        instructions: [
          { type: 'startTransition', transitionId: 'f6' },
          { type: 'startBeforeActivity', activityId: 'ship' },
        ],
        skipCustomListeners: false,
        skipIoMappings: false,
      },
      null,
      null,
    );
    expect(overlays.map(({ elementId, position }) => [elementId, position])).toEqual([
      ['f6', 'path-middle'],
      ['ship', { top: -10, right: 14 }],
    ]);
  });
});
