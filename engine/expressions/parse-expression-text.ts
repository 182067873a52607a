import { syntaxError, tokenizeExpression, type Token } from './tokenize-expression';

export type UnaryOperator = '-' | '!' | 'empty';
export type BinaryOperator =
  '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export type ExpressionNode =
  | {
      readonly kind: 'literal';
      readonly value: string | number | boolean | null;
    }
  | { readonly kind: 'identifier'; readonly name: string }
  /** `a.b` or `a[expr]`; a dotted name is a string literal `property`. */
  | {
      readonly kind: 'member';
      readonly object: ExpressionNode;
      readonly property: ExpressionNode;
    }
  /** `a.b(args)` or `a[expr](args)`; `objectSource` names the base in "resolved to null" errors. */
  | {
      readonly kind: 'call';
      readonly object: ExpressionNode;
      readonly method: ExpressionNode;
      readonly args: readonly ExpressionNode[];
      readonly objectSource: string;
    }
  /** `name(args)`: an EL function such as Camunda's `now()`. */
  | {
      readonly kind: 'function';
      readonly name: string;
      readonly args: readonly ExpressionNode[];
    }
  | {
      readonly kind: 'unary';
      readonly operator: UnaryOperator;
      readonly operand: ExpressionNode;
    }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    }
  | {
      readonly kind: 'conditional';
      readonly test: ExpressionNode;
      readonly consequent: ExpressionNode;
      readonly alternate: ExpressionNode;
    };

/** A template: literal text and `${…}` / `#{…}` expressions in source order. */
export interface ParsedExpression {
  readonly text: string;
  readonly parts: readonly (string | ExpressionNode)[];
}

/** Loosest binding first, as in the EL 2.2 grammar (spec §1.17). */
const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];
const UNARY_OPERATORS: readonly UnaryOperator[] = ['-', '!', 'empty'];

/** Parses a template without caching; throws `ExpressionEvaluationException` on bad syntax. */
export function parseExpressionText(text: string): ParsedExpression {
  const parts: (string | ExpressionNode)[] = [];
  let literal = '';
  let position = 0;
  while (position < text.length) {
    const char = text.charAt(position);
    const next = text.charAt(position + 1);
    if (char === '\\' && (next === '$' || next === '#')) {
      // JUEL's escape for a literal `${` in template text.
      literal += next;
      position += 2;
    } else if ((char === '$' || char === '#') && next === '{') {
      if (literal) {
        parts.push(literal);
      }
      literal = '';
      const tokens = tokenizeExpression(text, position + 2);
      parts.push(parseTokens(tokens, text));
      position = tokens.at(-1)?.end ?? text.length;
    } else {
      literal += char;
      position++;
    }
  }
  if (literal || parts.length === 0) {
    parts.push(literal);
  }
  return { text, parts };
}

/** Recursive descent over the tokens of one `${…}`, which end with the closing `}` token. */
function parseTokens(tokens: readonly Token[], text: string): ExpressionNode {
  const last = tokens.at(-1);
  if (!last) {
    throw syntaxError(text, text.length, "expected '}'");
  }
  let index = 0;
  const peek = (): Token => tokens[index] ?? last;

  const fail = (expected: string): never => {
    const token = peek();
    throw syntaxError(text, token.start, `encountered '${token.image}', expected ${expected}`);
  };
  const acceptAny = <T extends string>(operators: readonly T[]): T | undefined => {
    const token = peek();
    const found =
      token.kind === 'operator'
        ? operators.find((operator) => operator === token.operator)
        : undefined;
    if (found !== undefined) {
      index++;
    }
    return found;
  };
  const accept = (operator: string): boolean => acceptAny([operator]) !== undefined;
  const expect = (operator: string): void => {
    if (!accept(operator)) {
      fail(`'${operator}'`);
    }
  };

  function parseConditional(): ExpressionNode {
    const test = parseBinary(0);
    if (!accept('?')) {
      return test;
    }
    const consequent = parseConditional();
    expect(':');
    return {
      kind: 'conditional',
      test,
      consequent,
      alternate: parseConditional(),
    };
  }

  function parseBinary(level: number): ExpressionNode {
    const operators = BINARY_LEVELS[level];
    if (!operators) {
      return parseUnary();
    }
    let left = parseBinary(level + 1);
    for (let operator = acceptAny(operators); operator; operator = acceptAny(operators)) {
      left = { kind: 'binary', operator, left, right: parseBinary(level + 1) };
    }
    return left;
  }

  function parseUnary(): ExpressionNode {
    const operator = acceptAny(UNARY_OPERATORS);
    return operator ? { kind: 'unary', operator, operand: parseUnary() } : parseValue();
  }

  function parseValue(): ExpressionNode {
    const start = peek().start;
    let node = parsePrimary();
    for (;;) {
      const objectSource = text.slice(start, tokens[index - 1]?.end ?? start);
      let property: ExpressionNode;
      if (accept('.')) {
        const name = peek();
        if (name.kind !== 'identifier') {
          return fail('a property name');
        }
        index++;
        property = { kind: 'literal', value: name.name };
      } else if (accept('[')) {
        property = parseConditional();
        expect(']');
      } else {
        return node;
      }
      node = accept('(')
        ? {
            kind: 'call',
            object: node,
            method: property,
            args: parseArguments(),
            objectSource,
          }
        : { kind: 'member', object: node, property };
    }
  }

  function parsePrimary(): ExpressionNode {
    const token = peek();
    if (token.kind === 'literal') {
      index++;
      return { kind: 'literal', value: token.value };
    }
    if (token.kind === 'identifier') {
      index++;
      return accept('(')
        ? { kind: 'function', name: token.name, args: parseArguments() }
        : { kind: 'identifier', name: token.name };
    }
    if (accept('(')) {
      const inner = parseConditional();
      expect(')');
      return inner;
    }
    return fail('an operand');
  }

  /** Called after the opening `(`; consumes the closing one. */
  function parseArguments(): ExpressionNode[] {
    const args: ExpressionNode[] = [];
    if (accept(')')) {
      return args;
    }
    do {
      args.push(parseConditional());
    } while (accept(','));
    expect(')');
    return args;
  }

  const root = parseConditional();
  if (peek().kind !== 'end') {
    fail("an operator or '}'");
  }
  return root;
}
