import { describe, expect, it } from 'vitest';

import type { VariableFilter } from '../../lib/process-instance-query';
import {
  comparesWith,
  suggestedFilterType,
  TYPE_LOOKUP_INSTANCES,
  typeHint,
} from './variable-type-lookup';
import type { VariableTypeLookup } from './variable-type-lookup';

function lookup(types: string[], instancesLookedAt = 12): VariableTypeLookup {
  return { types, instancesLookedAt };
}

function filter(type: VariableFilter['type'], value: string): VariableFilter {
  return { name: 'orderNo', operator: 'eq', type, value };
}

describe('suggestedFilterType', () => {
  it('preselects the type the engine holds, when it holds one queryable type', () => {
    expect(suggestedFilterType(lookup(['Integer']))).toBe('Number');
    expect(suggestedFilterType(lookup(['String']))).toBe('String');
    expect(suggestedFilterType(lookup(['Date']))).toBe('Date');
    expect(suggestedFilterType(lookup(['String', 'Integer']))).toBeNull();
    expect(suggestedFilterType(lookup(['Json']))).toBeNull();
    expect(suggestedFilterType(lookup([]))).toBeNull();
  });
});

describe('comparesWith', () => {
  it('tells "00042" as text from 42 as a number', () => {
    expect(comparesWith(filter('String', '00042'), 'String')).toBe(true);
    expect(comparesWith(filter('String', '00042'), 'Integer')).toBe(false);
    expect(comparesWith(filter('Number', '42'), 'Integer')).toBe(true);
    expect(comparesWith(filter('Number', '42'), 'String')).toBe(false);
  });

  it('compares a number with every numeric type that holds it without loss', () => {
    expect(comparesWith(filter('Number', '42'), 'Long')).toBe(true);
    expect(comparesWith(filter('Number', '42'), 'Double')).toBe(true);
    expect(comparesWith(filter('Number', '42.5'), 'Double')).toBe(true);
    expect(comparesWith(filter('Number', '42.5'), 'Integer')).toBe(false);
    expect(comparesWith(filter('Number', '3000000000'), 'Integer')).toBe(false);
    expect(comparesWith(filter('Number', '3000000000'), 'Long')).toBe(true);
    expect(comparesWith(filter('Number', ''), 'Long')).toBe(true);
  });
});

describe('typeHint', () => {
  it('confirms a type that matches, saying how many instances were looked at', () => {
    expect(typeHint(filter('Number', '42'), lookup(['Integer']))).toEqual({
      kind: 'info',
      text: 'orderNo is an Integer in the engine (looked up in all 12 running instances).',
    });
    expect(typeHint(filter('String', 'x'), lookup(['String'], TYPE_LOOKUP_INSTANCES))).toEqual({
      kind: 'info',
      text: 'orderNo is a String in the engine (looked up in the first 500 running instances).',
    });
  });

  it('warns when the condition matches only some of the types held, or none', () => {
    expect(typeHint(filter('String', '00042'), lookup(['String', 'Integer']))).toEqual({
      kind: 'warning',
      text: 'orderNo is String and Integer in different instances: this condition matches only the String ones.',
    });
    expect(typeHint(filter('String', '42'), lookup(['Integer']))).toEqual({
      kind: 'warning',
      text: 'orderNo is an Integer in the engine: as a String this condition matches none of them.',
    });
    expect(typeHint(filter('Number', '100.5'), lookup(['Integer']))).toEqual({
      kind: 'warning',
      text: 'orderNo is an Integer in the engine, but 100.5 can only be compared with Double variables, which hold it without loss: this condition matches none of them.',
    });
    expect(typeHint(filter('String', '{}'), lookup(['Json']))).toEqual({
      kind: 'warning',
      text: 'orderNo is a Json in the engine: Camunda cannot compare such values in a query.',
    });
  });

  it('says when no instance holds the variable', () => {
    expect(typeHint(filter('String', 'x'), lookup([]))).toEqual({
      kind: 'info',
      text: 'No running instance has a variable orderNo (looked up in all 12 running instances).',
    });
    expect(typeHint(filter('String', 'x'), lookup([], 0))).toEqual({
      kind: 'info',
      text: 'No running instance to look its type up in.',
    });
  });
});
