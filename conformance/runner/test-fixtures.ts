/** A synthetic activity instance tree for the runner's unit tests. */
import type { ActivityInstanceDto } from './activity-instance-tree';

export const PD = 'proc:1:abc';

export function leaf(id: string, activityId: string, parent: string | null): ActivityInstanceDto {
  return {
    id,
    activityId,
    parentActivityInstanceId: parent,
    childActivityInstances: [],
    childTransitionInstances: [],
  };
}

/** root[mi#multiInstanceBody[mi, mi], sub[task1, ~inner], task1, ~inner] */
export const TREE: ActivityInstanceDto = {
  ...leaf('pi', PD, null),
  childActivityInstances: [
    {
      ...leaf('sub:1', 'sub', 'pi'),
      childActivityInstances: [leaf('task1:1', 'task1', 'sub:1')],
      childTransitionInstances: [
        { id: 'exec:7', activityId: 'inner', parentActivityInstanceId: 'sub:1' },
      ],
    },
    leaf('task1:2', 'task1', 'pi'),
    {
      ...leaf('mi:1', 'mi#multiInstanceBody', 'pi'),
      childActivityInstances: [leaf('mi:2', 'mi', 'mi:1'), leaf('mi:3', 'mi', 'mi:1')],
    },
  ],
  childTransitionInstances: [{ id: 'exec:8', activityId: 'inner', parentActivityInstanceId: 'pi' }],
};
