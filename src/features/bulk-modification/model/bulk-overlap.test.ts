import { describe, expect, it } from 'vitest';

import { intersectInstances } from './bulk-overlap';

describe('intersectInstances', () => {
  it('intersects ids, and restricts a query to ids', () => {
    expect(
      intersectInstances({ processInstanceIds: ['a', 'b'] }, { processInstanceIds: ['b', 'c'] }),
    ).toEqual({ processInstanceIds: ['b'] });
    expect(
      intersectInstances(
        { processInstanceQuery: { processDefinitionId: 'd', businessKeyLike: 'X%' } },
        { processInstanceIds: ['a'] },
      ),
    ).toEqual({
      processInstanceQuery: {
        processDefinitionId: 'd',
        businessKeyLike: 'X%',
        processInstanceIds: ['a'],
      },
    });
  });

  it('merges two queries of one kind, or says it cannot', () => {
    expect(
      intersectInstances(
        {
          processInstanceQuery: {
            processDefinitionId: 'd',
            variables: [{ name: 'a', operator: 'eq', value: 1 }],
          },
        },
        {
          processInstanceQuery: {
            processDefinitionId: 'd',
            activityIdIn: ['x'],
            variables: [{ name: 'b', operator: 'eq', value: 2 }],
          },
        },
      ),
    ).toEqual({
      processInstanceQuery: {
        processDefinitionId: 'd',
        activityIdIn: ['x'],
        variables: [
          { name: 'a', operator: 'eq', value: 1 },
          { name: 'b', operator: 'eq', value: 2 },
        ],
      },
    });
    expect(
      intersectInstances(
        { processInstanceQuery: { businessKey: 'A' } },
        { processInstanceQuery: { businessKey: 'B' } },
      ),
    ).toBeNull();
    expect(
      intersectInstances(
        { processInstanceQuery: {} },
        { historicProcessInstanceQuery: { unfinished: true } },
      ),
    ).toBeNull();
  });

  it('turns "no ids in common" into no instances, which Camunda would refuse as a query', () => {
    expect(
      intersectInstances(
        { processInstanceQuery: { processInstanceIds: ['a'] } },
        { processInstanceIds: ['b'] },
      ),
    ).toEqual({ processInstanceIds: [] });
  });
});
