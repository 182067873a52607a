import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ExpressionEvaluationException, ProcessEngineException } from '../errors';
import { evaluateExpression, isExpression, parseExpression } from './evaluate-expression';
import type { ExpressionContext } from './expression-context';

function contextOf(
  variables: Record<string, unknown> = {},
  beans: Record<string, unknown> = {},
  functions?: ExpressionContext['functions'],
): ExpressionContext {
  return {
    hasVariable: (name) => Object.hasOwn(variables, name),
    getVariable: (name) => variables[name],
    beans,
    functions,
  };
}

function evaluate(text: string, variables: Record<string, unknown> = {}, beans = {}): unknown {
  return evaluateExpression(text, contextOf(variables, beans));
}

/** The message of the exception thrown by `run`, which must be an engine exception. */
function failureOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProcessEngineException);
    return (error as Error).message;
  }
  throw new Error('expected an exception');
}

/** A stand-in for Camunda's DelegateExecution, written as a class the way the runtime would. */
class FakeExecution {
  readonly variables = new Map<string, unknown>([['x', 42]]);
  getProcessInstanceId(): string {
    return 'pi-1';
  }
  isActive(): boolean {
    return true;
  }
  getVariable(name: string): unknown {
    return this.variables.get(name);
  }
  setVariable(name: string, value: unknown): void {
    this.variables.set(name, value);
  }
  fail(): never {
    throw new ProcessEngineException('bean failed');
  }
  crash(): never {
    throw new TypeError('boom');
  }
}

describe('isExpression', () => {
  it('detects ${ and #{', () => {
    expect(isExpression('${a}')).toBe(true);
    expect(isExpression('x #{a} y')).toBe(true);
    expect(isExpression('costs $5 {x}')).toBe(false);
  });
});

describe('evaluateExpression: templates', () => {
  it('returns text without expressions as-is', () => {
    expect(evaluate('plain text')).toBe('plain text');
    expect(evaluate('')).toBe('');
    expect(evaluate('$ { not one }')).toBe('$ { not one }');
  });

  it('returns the typed value of a single expression', () => {
    expect(evaluate('${n}', { n: 5 })).toBe(5);
    expect(evaluate('#{flag}', { flag: true })).toBe(true);
    const list = [1, 2];
    expect(evaluate('${list}', { list })).toBe(list);
    expect(evaluate('${nothing}', { nothing: undefined })).toBeNull();
  });

  it('joins composite text as a string, printing null as empty', () => {
    expect(evaluate('Hello ${name}!', { name: 'Ada' })).toBe('Hello Ada!');
    expect(evaluate('${a}${b}', { a: 1, b: 2 })).toBe('12');
    expect(evaluate(' ${n}', { n: 5 })).toBe(' 5');
    expect(evaluate('[${missing}]', { missing: null })).toBe('[]');
    expect(evaluate('${list} and ${map}', { list: [1, 'a'], map: { k: true } })).toBe(
      '[1, a] and {k=true}',
    );
  });

  it('prints objects as Java would, or by their type name', () => {
    const date = new Date(0);
    expect(evaluate('at ${date}', { date })).toBe(`at ${date.toString()}`);
    expect(evaluate('bean ${bean}', { bean: new FakeExecution() })).toBe('bean FakeExecution');
    expect(evaluate('${n} ${f}', { n: 1.5, f: false })).toBe('1.5 false');
  });

  it('keeps braces inside string literals and honours \\${ escapes', () => {
    expect(evaluate("${'}'}")).toBe('}');
    expect(evaluate('a ${"{}"} b')).toBe('a {} b');
    expect(evaluate('\\${x} is ${x}', { x: 1 })).toBe('${x} is 1');
  });

  it('allows whitespace and newlines anywhere', () => {
    expect(evaluate('${  a\n +\t b  }', { a: 1, b: 2 })).toBe(3);
  });
});

describe('evaluateExpression: literals', () => {
  it.each([
    ['${42}', 42],
    ['${1.5}', 1.5],
    ['${1e3}', 1000],
    ['${.5}', 0.5],
    ['${2.5E-1}', 0.25],
    ["${'single'}", 'single'],
    ['${"double"}', 'double'],
    ["${'it\\'s'}", "it's"],
    ['${"say \\"hi\\""}', 'say "hi"'],
    ["${'back\\\\slash'}", 'back\\slash'],
    ["${'\"'}", '"'],
    ['${true}', true],
    ['${false}', false],
    ['${null}', null],
  ])('%s is %j', (text, expected) => {
    expect(evaluate(text)).toStrictEqual(expected);
  });
});

describe('evaluateExpression: identifiers', () => {
  it('prefers variables over beans', () => {
    expect(evaluate('${x}', { x: 'variable' }, { x: 'bean' })).toBe('variable');
    expect(evaluate('${x}', {}, { x: 'bean' })).toBe('bean');
  });

  it("fails with Camunda's message for an unknown identifier", () => {
    const run = () => evaluate('${x}');
    expect(run).toThrow(ExpressionEvaluationException);
    expect(failureOf(run)).toBe(
      "Unknown property used in expression: ${x}. Cause: Cannot resolve identifier 'x'",
    );
    expect(failureOf(() => evaluate('Hi ${x}!'))).toBe(
      "Unknown property used in expression: Hi ${x}!. Cause: Cannot resolve identifier 'x'",
    );
  });

  it('reports the REST type ProcessEngineException', () => {
    try {
      evaluate('${x}');
    } catch (error) {
      expect((error as ProcessEngineException).type).toBe('ProcessEngineException');
    }
    expect.assertions(1);
  });

  it('does not treat Object.prototype members as beans', () => {
    expect(() => evaluate('${toString}')).toThrow("Cannot resolve identifier 'toString'");
  });
});

describe('evaluateExpression: property access', () => {
  const variables = {
    order: { id: 'o-1', lines: [{ sku: 'a' }, { sku: 'b' }], customer: null },
    map: new Map<unknown, unknown>([['k', 'v']]),
    list: ['x', 'y'],
    i: 0,
  };

  it('reads dotted and bracketed properties, list elements and Map entries', () => {
    expect(evaluate('${order.id}', variables)).toBe('o-1');
    expect(evaluate("${order['id']}", variables)).toBe('o-1');
    expect(evaluate('${order.lines[1].sku}', variables)).toBe('b');
    expect(evaluate('${list[i + 1]}', variables)).toBe('y');
    expect(evaluate("${list['0']}", variables)).toBe('x');
    expect(evaluate('${map.k}', variables)).toBe('v');
    expect(evaluate("${map['k']}", variables)).toBe('v');
  });

  it('gives null for null bases, missing map keys and out-of-range indexes', () => {
    expect(evaluate('${order.customer.name}', variables)).toBeNull();
    expect(evaluate('${order.customer.name.first}', variables)).toBeNull();
    expect(evaluate('${order.missing}', variables)).toBeNull();
    expect(evaluate('${map.missing}', variables)).toBeNull();
    expect(evaluate('${list[5]}', variables)).toBeNull();
    expect(evaluate('${order[null]}', variables)).toBeNull();
  });

  it('rejects a non-numeric list index', () => {
    expect(failureOf(() => evaluate('${list.size}', variables))).toBe(
      'Unknown property used in expression: ${list.size}. Cause: Cannot parse list index: size',
    );
  });

  it('calls Java-bean getters when there is no such property', () => {
    const execution = new FakeExecution();
    expect(evaluate('${execution.processInstanceId}', {}, { execution })).toBe('pi-1');
    expect(evaluate('${execution.active}', {}, { execution })).toBe(true);
    expect(evaluate("${text['empty']}", { text: '' })).toBe(true);
    expect(evaluate('${bean.name}', { bean: { getName: () => 'from getter' } })).toBe(
      'from getter',
    );
  });

  it('fails for a missing property of a bean', () => {
    expect(
      failureOf(() => evaluate('${execution.nope}', {}, { execution: new FakeExecution() })),
    ).toBe(
      'Unknown property used in expression: ${execution.nope}. Cause: Could not find property nope in class FakeExecution',
    );
  });

  it('never exposes JavaScript internals', () => {
    expect(() => evaluate('${order.constructor}', variables)).toThrow(ProcessEngineException);
    expect(() => evaluate("${order['__proto__']}", variables)).toThrow(ProcessEngineException);
    expect(() => evaluate("${order.__lookupGetter__('__proto__')}", variables)).toThrow(
      'Unknown method used in expression',
    );
    expect(() => evaluate("${'x'.constructor('y')}")).toThrow('Unknown method used in expression');
    expect(evaluate('${order.toString}', variables)).toBeNull();
  });
});

describe('evaluateExpression: method calls', () => {
  it('calls bean methods with the bean as this', () => {
    const execution = new FakeExecution();
    const context = contextOf({}, { execution });
    expect(evaluateExpression("${execution.getVariable('x')}", context)).toBe(42);
    expect(evaluateExpression("${execution.setVariable('y', 5)}", context)).toBeNull();
    expect(execution.variables.get('y')).toBe(5);
    expect(evaluateExpression("${execution.getVariable('y') + 1}", context)).toBe(6);
  });

  it('calls functions of plain objects used as beans', () => {
    const execution = { getVariable: (name: string) => `value of ${name}` };
    expect(evaluate("${execution.getVariable('a')}", {}, { execution })).toBe('value of a');
  });

  it('offers Java String methods', () => {
    const text = ' Hello, World ';
    expect(evaluate('${text.length()}', { text })).toBe(14);
    expect(evaluate("${text.contains('World')}", { text })).toBe(true);
    expect(evaluate("${text.trim().startsWith('Hello')}", { text })).toBe(true);
    expect(evaluate("${text.trim().endsWith('World')}", { text })).toBe(true);
    expect(evaluate("${text.indexOf('o')}", { text })).toBe(5);
    expect(evaluate('${text.substring(1, 6)}', { text })).toBe('Hello');
    expect(evaluate('${text.toUpperCase()}', { text })).toBe(' HELLO, WORLD ');
    expect(evaluate('${text.toLowerCase()}', { text })).toBe(' hello, world ');
    expect(evaluate('${text.isEmpty()}', { text })).toBe(false);
    expect(evaluate("${text.trim().equals('Hello, World')}", { text })).toBe(true);
    expect(evaluate("${'a-b-a'.replace('a', 'x')}")).toBe('x-b-x');
    expect(evaluate("${'a-b'.replace('-', '$&')}")).toBe('a$&b');
    expect(evaluate("${'a,b,,'.split(',')}")).toStrictEqual(['a', 'b']);
    expect(evaluate("${'abc'.matches('[a-c]+')}")).toBe(true);
    expect(evaluate("${'x'.toString()}")).toBe('x');
  });

  it('offers Java List methods on arrays', () => {
    const list = [1, 'two', { three: 3 }];
    expect(evaluate('${list.size()}', { list })).toBe(3);
    expect(evaluate('${list.isEmpty()}', { list })).toBe(false);
    expect(evaluate('${list.get(1)}', { list })).toBe('two');
    expect(evaluate("${list.contains('two')}", { list })).toBe(true);
    expect(evaluate('${list.contains(list.get(2))}', { list })).toBe(true);
    expect(evaluate("${list.indexOf('two')}", { list })).toBe(1);
    expect(evaluate('${list.toString()}', { list })).toBe('[1, two, {three=3}]');
    expect(() => evaluate('${list.get(7)}', { list })).toThrow(
      'Error while evaluating expression: ${list.get(7)}. Cause: Index 7 out of bounds for length 3',
    );
  });

  it('offers Java Map methods on plain objects and Maps', () => {
    const object = { a: 1, b: null };
    const map = new Map([['a', 1]]);
    expect(evaluate('${object.size()}', { object })).toBe(2);
    expect(evaluate("${object.get('a')}", { object })).toBe(1);
    expect(evaluate("${object.containsKey('b')}", { object })).toBe(true);
    expect(evaluate("${object.containsKey('toString')}", { object })).toBe(false);
    expect(evaluate('${object.isEmpty()}', { object })).toBe(false);
    expect(evaluate('${map.size()}', { map })).toBe(1);
    expect(evaluate("${map.get('a')}", { map })).toBe(1);
    expect(evaluate("${map.containsKey('z')}", { map })).toBe(false);
    expect(evaluate('${object.toString()}', { object })).toBe('{a=1, b=null}');
  });

  it('fails for an unknown method', () => {
    expect(failureOf(() => evaluate('${text.frobnicate()}', { text: 'x' }))).toBe(
      "Unknown method used in expression: ${text.frobnicate()}. Cause: Cannot find method 'frobnicate' in 'String'",
    );
    expect(failureOf(() => evaluate('${e.nope(1)}', {}, { e: new FakeExecution() }))).toBe(
      "Unknown method used in expression: ${e.nope(1)}. Cause: Cannot find method 'nope' in 'FakeExecution'",
    );
  });

  it('fails for a method call on null', () => {
    expect(
      failureOf(() => evaluate('${order.customer.size()}', { order: { customer: null } })),
    ).toBe(
      "Unknown property used in expression: ${order.customer.size()}. Cause: Target unreachable, base expression 'order.customer' resolved to null",
    );
  });

  it('lets engine exceptions from beans through and wraps other errors', () => {
    const execution = new FakeExecution();
    expect(failureOf(() => evaluate('${execution.fail()}', {}, { execution }))).toBe('bean failed');
    expect(failureOf(() => evaluate('${execution.crash()}', {}, { execution }))).toBe(
      'Error while evaluating expression: ${execution.crash()}. Cause: boom',
    );
  });

  it('calls EL functions from the context', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    const context = contextOf({}, {}, { now: () => now, add: (a, b) => Number(a) + Number(b) });
    expect(evaluateExpression('${now()}', context)).toBe(now);
    expect(evaluateExpression('${add(1, 2)}', context)).toBe(3);
    expect(failureOf(() => evaluate('${now()}'))).toBe(
      "Error while evaluating expression: ${now()}. Cause: Could not resolve function 'now'",
    );
  });
});

describe('evaluateExpression: arithmetic', () => {
  it.each([
    ['${1 + 2 * 3}', 7],
    ['${(1 + 2) * 3}', 9],
    ['${10 - 2 - 3}', 5],
    ['${5 / 2}', 2.5],
    ['${5 div 2}', 2.5],
    ['${7 % 3}', 1],
    ['${7 mod 3}', 1],
    ['${-7 % 3}', -1],
    ['${-(2 + 3)}', -5],
    ['${- -2}', 2],
    ["${'3' + 4}", 7],
    ["${'1.5' * 2}", 3],
    ['${null + null}', 0],
    ['${null + 1}', 1],
    ['${1 / 0}', Infinity],
    ['${1.5 % 0}', NaN],
  ])('%s is %d', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('rejects non-numeric operands and integer remainder by zero', () => {
    expect(failureOf(() => evaluate("${'a' + 1}"))).toBe(
      "Error while evaluating expression: ${'a' + 1}. Cause: Cannot coerce 'a' to a number",
    );
    expect(() => evaluate('${true + 1}')).toThrow('Cannot coerce from Boolean to Number');
    expect(() => evaluate('${1 % 0}')).toThrow('/ by zero');
  });

  it('matches JavaScript on integers for ${a + b * c} and ${a - b % c}', () => {
    const integer = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(integer, integer, integer, (a, b, c) => {
        expect(evaluate('${a + b * c}', { a, b, c })).toBe(a + b * c);
        if (c !== 0) {
          expect(evaluate('${a - b % c}', { a, b, c })).toBe(a - (b % c));
        }
      }),
    );
  });
});

describe('evaluateExpression: comparison and logic', () => {
  const variables = { a: 7, b: 'x', x: 'y', list: [1], emptyList: [], text: '' };

  it.each([
    ["${a > 5 && b == 'x'}", true],
    ["${a > 5 and b == 'z'}", false],
    ['${a < 5 || a >= 7}', true],
    ['${a lt 5 or a ge 7}', true],
    ['${a le 7 && a gt 6}', true],
    ["${x eq 'y'}", true],
    ["${x ne 'y'}", false],
    ["${x != 'z'}", true],
    ["${'abc' < 'abd'}", true],
    ["${'b' > 'abc'}", true],
    ["${'10' > 9}", true],
    ["${a == '7'}", true],
    ['${1.0 == 1}', true],
    ["${true == 'true'}", true],
    ["${false == 'yes'}", true],
    ['${null == null}', true],
    ['${null == 0}', false],
    ["${null == ''}", false],
    ['${null < 1}', false],
    ['${list == list}', true],
    ['${not empty list}', true],
    ['${empty emptyList}', true],
    ['${empty text}', true],
    ['${empty null}', true],
    ['${empty missing}', true],
    ['${!true}', false],
    ['${not false}', true],
    ["${'TRUE' && true}", true],
    ['${null || false}', false],
    ['${false && unknownIdentifier}', false],
    ['${true || unknownIdentifier}', true],
  ])('%s is %s', (text, expected) => {
    expect(evaluate(text, { ...variables, missing: null })).toBe(expected);
  });

  it('compares lists and maps structurally', () => {
    expect(evaluate('${p == q}', { p: [1, { k: 'v' }], q: [1, { k: 'v' }] })).toBe(true);
    expect(evaluate('${p == q}', { p: { k: 1 }, q: new Map([['k', 1]]) })).toBe(true);
    expect(evaluate('${p != q}', { p: [1], q: [2] })).toBe(true);
  });

  it('fails where EL cannot coerce', () => {
    expect(() => evaluate("${1 == 'abc'}")).toThrow("Cannot coerce 'abc' to a number");
    expect(() => evaluate('${1 && true}')).toThrow('Cannot coerce from Number to Boolean');
    expect(() => evaluate('${p < q}', { p: [1], q: [2] })).toThrow('Cannot compare List with List');
  });

  it('evaluates the conditional operator, right-associatively', () => {
    expect(evaluate("${a > 1 ? 'big' : 'small'}", variables)).toBe('big');
    expect(evaluate("${a > 10 ? 'huge' : a > 5 ? 'big' : 'small'}", variables)).toBe('big');
    expect(evaluate('${empty list ? missing : list[0]}', variables)).toBe(1);
  });
});

describe('parseExpression', () => {
  it('caches the parse of each text', () => {
    const text = '${cached + 1}';
    expect(parseExpression(text)).toBe(parseExpression(text));
    expect(evaluate(text, { cached: 1 })).toBe(2);
    expect(evaluate(text, { cached: 1 })).toBe(2);
    expect(evaluate(text, { cached: 10 })).toBe(11);
  });

  it.each([
    [
      '${a >}',
      "Error parsing '${a >}': syntax error at position 5, encountered '}', expected an operand",
    ],
    [
      '${}',
      "Error parsing '${}': syntax error at position 2, encountered '}', expected an operand",
    ],
    [
      '${a b}',
      "Error parsing '${a b}': syntax error at position 4, encountered 'b', expected an operator or '}'",
    ],
    [
      'x ${a',
      "Error parsing 'x ${a': syntax error at position 5, encountered end of text, expected '}'",
    ],
    [
      "${'abc}",
      "Error parsing '${'abc}': syntax error at position 2, unterminated string, expected '",
    ],
    [
      '${a = 1}',
      "Error parsing '${a = 1}': syntax error at position 4, encountered unexpected character '='",
    ],
    [
      "${'\\n'}",
      "Error parsing '${'\\n'}': syntax error at position 3, invalid escape sequence '\\n', expected \\' or \\\\",
    ],
    [
      '${a.1}',
      "Error parsing '${a.1}': syntax error at position 3, encountered '.1', expected an operator or '}'",
    ],
    [
      '${a.and}',
      "Error parsing '${a.and}': syntax error at position 4, encountered 'and', expected a property name",
    ],
    [
      '${f(1,}',
      "Error parsing '${f(1,}': syntax error at position 6, encountered '}', expected an operand",
    ],
    [
      '${a ? b}',
      "Error parsing '${a ? b}': syntax error at position 7, encountered '}', expected ':'",
    ],
    [
      '${a instanceof b}',
      "Error parsing '${a instanceof b}': syntax error at position 4, 'instanceof' is reserved and not supported",
    ],
  ])('rejects %s', (text, message) => {
    const run = () => parseExpression(text);
    expect(run).toThrow(ProcessEngineException);
    expect(run).toThrow(message);
    expect(() => evaluate(text, { a: 1, b: 2 })).toThrow(ProcessEngineException);
  });

  it('keeps literal text and expressions in order', () => {
    expect(parseExpression('a ${x} b').parts).toStrictEqual([
      'a ',
      { kind: 'identifier', name: 'x' },
      ' b',
    ]);
  });

  it('binds operators with EL precedence', () => {
    expect(parseExpression('${not a == -b * c || d && e}').parts).toStrictEqual([
      {
        kind: 'binary',
        operator: '||',
        left: {
          kind: 'binary',
          operator: '==',
          left: { kind: 'unary', operator: '!', operand: { kind: 'identifier', name: 'a' } },
          right: {
            kind: 'binary',
            operator: '*',
            left: { kind: 'unary', operator: '-', operand: { kind: 'identifier', name: 'b' } },
            right: { kind: 'identifier', name: 'c' },
          },
        },
        right: {
          kind: 'binary',
          operator: '&&',
          left: { kind: 'identifier', name: 'd' },
          right: { kind: 'identifier', name: 'e' },
        },
      },
    ]);
  });

  it('round-trips any string literal through its escapes', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const literal = `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
        expect(evaluate(`\${${literal}}`)).toBe(value);
      }),
    );
  });
});
