import { describe, expect, it } from 'vitest';

import { toProcessInstanceQuery } from '../../../lib/process-instance-query';
import type { ProcessInstanceFilters } from '../../../lib/process-instance-query';
import { EMPTY_BULK_PLAN, toBulkModificationDto } from './bulk-plan';
import {
  DEFAULT_QUERY_OPTIONS,
  queryOptionsProblem,
  toCountRequest,
  toSelectedInstances,
} from './bulk-selection';

const plan = {
  ...EMPTY_BULK_PLAN,
  instructions: [
    { type: 'cancel' as const, activityId: 'review', cancelCurrentActiveActivityInstances: true },
    { type: 'startBeforeActivity' as const, activityId: 'ship' },
  ],
};

describe('toSelectedInstances', () => {
  it('builds the runtime query the instance list sends, typed values included', () => {
    const filters: ProcessInstanceFilters = {
      businessKey: 'BK-%',
      activityId: 'review',
      withIncidents: true,
      variables: [
        { name: 'amount', operator: 'gt', type: 'Number', value: '100' },
        { name: 'orderNo', operator: 'eq', type: 'String', value: '00042' },
      ],
    };
    const instances = toSelectedInstances('def:1', {
      kind: 'query',
      filters,
      options: DEFAULT_QUERY_OPTIONS,
    });
    expect(instances).toEqual({ processInstanceQuery: toProcessInstanceQuery('def:1', filters) });
    expect(instances).toEqual({
      processInstanceQuery: {
        processDefinitionId: 'def:1',
        businessKeyLike: 'BK-%',
        activityIdIn: ['review'],
        withIncident: true,
        variables: [
          { name: 'amount', operator: 'gt', value: 100 },
          { name: 'orderNo', operator: 'eq', value: '00042' },
        ],
      },
    });
  });

  it('builds a history query of unfinished instances with start times in Camunda format', () => {
    const startedAfter = '2026-01-02T03:04';
    const instances = toSelectedInstances('def:1', {
      kind: 'query',
      filters: { businessKey: 'BK-7' },
      options: { source: 'history', startedAfter, startedBefore: '' },
    });
    expect(instances).toMatchObject({
      historicProcessInstanceQuery: {
        processDefinitionId: 'def:1',
        unfinished: true,
        processInstanceBusinessKey: 'BK-7',
      },
    });
    const query =
      'historicProcessInstanceQuery' in instances ? instances.historicProcessInstanceQuery : null;
    expect(Date.parse((query?.startedAfter ?? '').replace('+0000', 'Z'))).toBe(
      new Date(startedAfter).getTime(),
    );
  });

  it('carries the activity, as activityIdIn, and the typed variables into the history query', () => {
    const instances = toSelectedInstances('def:1', {
      kind: 'query',
      filters: {
        activityId: 'review',
        variables: [{ name: 'amount', operator: 'gt', type: 'Number', value: '100' }],
        withIncidents: true,
      },
      options: { ...DEFAULT_QUERY_OPTIONS, source: 'history' },
    });
    expect(instances).toEqual({
      historicProcessInstanceQuery: {
        processDefinitionId: 'def:1',
        unfinished: true,
        activityIdIn: ['review'],
        withIncidents: true,
        variables: [{ name: 'amount', operator: 'gt', value: 100 }],
      },
    });
  });

  it('gives ticked rows as ids, counted without a request', () => {
    const instances = toSelectedInstances('def:1', { kind: 'ids', processInstanceIds: ['a', 'b'] });
    expect(instances).toEqual({ processInstanceIds: ['a', 'b'] });
    expect(toCountRequest(instances)).toEqual({ kind: 'known', count: 2 });
  });
});

describe('the count and the request', () => {
  it('use the very same query object', () => {
    const instances = toSelectedInstances('def:1', {
      kind: 'query',
      filters: { activityId: 'review' },
      options: DEFAULT_QUERY_OPTIONS,
    });
    const count = toCountRequest(instances);
    const body = toBulkModificationDto('def:1', plan, instances, ' why ');
    expect(count.kind).toBe('runtime');
    expect(count.kind === 'runtime' ? count.body : null).toBe(body.processInstanceQuery);
    expect(body).toEqual({
      processDefinitionId: 'def:1',
      instructions: [
        { type: 'cancel', activityId: 'review', cancelCurrentActiveActivityInstances: true },
        { type: 'startBeforeActivity', activityId: 'ship' },
      ],
      processInstanceQuery: { processDefinitionId: 'def:1', activityIdIn: ['review'] },
      skipCustomListeners: false,
      skipIoMappings: false,
      annotation: 'why',
    });
  });

  it('send the history query to the history count', () => {
    const instances = toSelectedInstances('def:1', {
      kind: 'query',
      filters: {},
      options: { ...DEFAULT_QUERY_OPTIONS, source: 'history' },
    });
    const count = toCountRequest(instances);
    const body = toBulkModificationDto('def:1', plan, instances, '');
    expect(count.kind).toBe('history');
    expect(count.kind === 'history' ? count.body : null).toBe(body.historicProcessInstanceQuery);
    expect(body).not.toHaveProperty('annotation');
    expect(body).not.toHaveProperty('processInstanceQuery');
  });
});

describe('queryOptionsProblem', () => {
  it('accepts either source with no start times', () => {
    expect(queryOptionsProblem({ ...DEFAULT_QUERY_OPTIONS, source: 'history' })).toBeNull();
    expect(queryOptionsProblem(DEFAULT_QUERY_OPTIONS)).toBeNull();
  });

  it('refuses a start time that is not a date', () => {
    expect(
      queryOptionsProblem({ source: 'history', startedAfter: 'soon', startedBefore: '' }),
    ).toBe('Started after is not a date and time.');
  });
});
