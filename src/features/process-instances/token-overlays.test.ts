import { describe, expect, it } from 'vitest';

import {
  buildActivityInstance,
  buildIncident,
  buildProcessInstanceTree,
  buildTransitionInstance,
} from './test-data-builders';
import { toElementId, toTokenOverlays } from './token-overlays';

describe('toTokenOverlays', () => {
  it('counts every activity instance of a nested subprocess, but not the process instance', () => {
    const tree = buildProcessInstanceTree([
      buildActivityInstance({
        id: 'outer-1',
        activityId: 'outer',
        activityType: 'subProcess',
        childActivityInstances: [
          buildActivityInstance({
            id: 'inner-1',
            activityId: 'inner',
            activityType: 'subProcess',
            childActivityInstances: [
              buildActivityInstance({ id: 'task-1', activityId: 'task' }),
              buildActivityInstance({ id: 'task-2', activityId: 'task' }),
            ],
          }),
        ],
      }),
    ]);

    expect(Object.fromEntries(toTokenOverlays(tree))).toEqual({
      outer: { active: 1, transitions: 0, incidents: 0 },
      inner: { active: 1, transitions: 0, incidents: 0 },
      task: { active: 2, transitions: 0, incidents: 0 },
    });
  });

  it('counts a multi-instance body toward its activity with the inner instances only', () => {
    const tree = buildProcessInstanceTree([
      buildActivityInstance({
        id: 'body-1',
        activityId: 'pick#multiInstanceBody',
        activityType: 'multiInstanceBody',
        childActivityInstances: [
          buildActivityInstance({ id: 'pick-1', activityId: 'pick' }),
          buildActivityInstance({ id: 'pick-2', activityId: 'pick' }),
          buildActivityInstance({ id: 'pick-3', activityId: 'pick' }),
        ],
        // An asyncBefore multi-instance activity waits at its body.
        childTransitionInstances: [
          buildTransitionInstance({ id: 'waiting-1', activityId: 'pick#multiInstanceBody' }),
        ],
      }),
    ]);

    expect(Object.fromEntries(toTokenOverlays(tree))).toEqual({
      pick: { active: 3, transitions: 1, incidents: 0 },
    });
  });

  it('counts transition instances apart from active ones, and each incident once', () => {
    const tree = buildProcessInstanceTree(
      [
        buildActivityInstance({
          id: 'review-1',
          activityId: 'review',
          incidents: [{ id: 'incident-2', activityId: 'review' }],
          incidentIds: ['incident-2'],
        }),
      ],
      [
        buildTransitionInstance({
          id: 'charge-1',
          activityId: 'charge',
          incidents: [{ id: 'incident-1', activityId: 'charge' }],
          incidentIds: ['incident-1'],
        }),
        buildTransitionInstance({ id: 'charge-2', activityId: 'charge' }),
      ],
    );
    const incidents = [
      buildIncident({ id: 'incident-1', activityId: 'charge' }),
      // Known to the incident list only, e.g. when the tree was fetched a moment earlier.
      buildIncident({ id: 'incident-3', activityId: 'charge' }),
    ];

    expect(Object.fromEntries(toTokenOverlays(tree, incidents))).toEqual({
      review: { active: 1, transitions: 0, incidents: 1 },
      charge: { active: 0, transitions: 2, incidents: 2 },
    });
  });

  it('is empty for an instance that holds nothing but its root', () => {
    expect(toTokenOverlays(buildProcessInstanceTree([])).size).toBe(0);
  });
});

describe('toElementId', () => {
  it('draws a multi-instance body as its activity', () => {
    expect(toElementId('pick#multiInstanceBody')).toBe('pick');
    expect(toElementId('pick')).toBe('pick');
  });
});
