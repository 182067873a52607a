import { describe, expect, it } from 'vitest';

import {
  isVariableFilter,
  toProcessInstanceFilters,
  toProcessInstanceQueryParams,
} from './process-instance-filters';

describe('isVariableFilter', () => {
  it.each(['amount_gt_100', 'status_eq_open', 'name_like_%smith%', 'a_eq_1,b_neq_x'])(
    'accepts %s',
    (text) => {
      expect(isVariableFilter(text)).toBe(true);
    },
  );

  it.each([
    'amount',
    'amount_gt',
    'amount_gt_',
    '_eq_1',
    'amount_greater_100',
    'order_total_gt_100',
    'a_eq_1,',
  ])('rejects %s', (text) => {
    expect(isVariableFilter(text)).toBe(false);
  });
});

describe('toProcessInstanceFilters', () => {
  it('keeps what is set and drops what is empty', () => {
    expect(
      toProcessInstanceFilters({
        businessKey: ' ORD-1 ',
        activityId: '',
        withIncidents: 'true',
        variable: 'amount_gt_100',
        unknown: 'x',
      }),
    ).toEqual({ businessKey: 'ORD-1', withIncidents: true, variable: 'amount_gt_100' });
  });

  it('reads a business key the router parsed as a number', () => {
    expect(toProcessInstanceFilters({ businessKey: 1042 })).toEqual({ businessKey: '1042' });
  });
});

describe('toProcessInstanceQueryParams', () => {
  it('maps every filter to its Camunda parameter', () => {
    expect(
      toProcessInstanceQueryParams({
        processDefinitionId: 'order:1:abc',
        businessKey: 'ORD-1',
        activityId: 'review',
        withIncidents: true,
        variable: 'amount_gt_100',
      }),
    ).toEqual({
      processDefinitionId: 'order:1:abc',
      businessKey: 'ORD-1',
      activityIdIn: 'review',
      withIncident: true,
      variables: 'amount_gt_100',
    });
  });

  it('turns a business key with % into businessKeyLike', () => {
    expect(
      toProcessInstanceQueryParams({ processDefinitionId: 'order:1:abc', businessKey: 'ORD-1%' }),
    ).toEqual({ processDefinitionId: 'order:1:abc', businessKeyLike: 'ORD-1%' });
  });
});
