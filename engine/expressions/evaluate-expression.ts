import { ExpressionEvaluationException, ProcessEngineException } from '../errors';
import {
  coerceToBoolean,
  coerceToNumber,
  coerceToString,
  elCompare,
  elEquals,
  isEmptyValue,
  isFloatingPoint,
  typeName,
} from './el-coercion';
import { ElException, type ElFailure } from './el-exception';
import type { ExpressionContext } from './expression-context';
import {
  parseExpressionText,
  type BinaryOperator,
  type ExpressionNode,
  type ParsedExpression,
  type UnaryOperator,
} from './parse-expression-text';
import { resolveMethod, resolveProperty } from './resolve-member';

/** Bounds the parse cache; templates come from deployed models, so this is rarely reached. */
const MAX_CACHED_EXPRESSIONS = 10_000;

const parsedExpressions = new Map<string, ParsedExpression>();

// The prefixes of Camunda's JuelExpression.getValue, one per JUEL exception class.
const FAILURE_PREFIXES: Record<ElFailure, string> = {
  property: 'Unknown property used in expression',
  method: 'Unknown method used in expression',
  evaluation: 'Error while evaluating expression',
};

/** True when the text contains an expression (`${…}` or `#{…}`) rather than only literal text. */
export function isExpression(text: string): boolean {
  return text.includes('${') || text.includes('#{');
}

/**
 * Parses (and caches) a template; throws `ExpressionEvaluationException`, a `ProcessEngineException`
 * naming the text, on bad syntax, so deployment can validate expressions up front.
 */
export function parseExpression(text: string): ParsedExpression {
  const cached = parsedExpressions.get(text);
  if (cached) {
    return cached;
  }
  const parsed = parseExpressionText(text);
  if (parsedExpressions.size >= MAX_CACHED_EXPRESSIONS) {
    const oldest = parsedExpressions.keys().next();
    if (!oldest.done) {
      parsedExpressions.delete(oldest.value);
    }
  }
  parsedExpressions.set(text, parsed);
  return parsed;
}

/**
 * Evaluates a JUEL template as Camunda does: a lone `${…}` yields its value of any type, text mixed
 * with expressions yields a string, and text without expressions is returned unchanged.
 * `ProcessEngineException`s thrown by beans pass through; other failures become an
 * `ExpressionEvaluationException` with Camunda's message.
 */
export function evaluateExpression(text: string, context: ExpressionContext): unknown {
  if (!isExpression(text)) {
    return text;
  }
  const { parts } = parseExpression(text);
  try {
    const [first] = parts;
    if (parts.length === 1 && first !== undefined && typeof first !== 'string') {
      return evaluateNode(first, context);
    }
    return parts
      .map((part) =>
        typeof part === 'string' ? part : coerceToString(evaluateNode(part, context)),
      )
      .join('');
  } catch (error) {
    throw toEngineException(error, text);
  }
}

function toEngineException(error: unknown, text: string): ProcessEngineException {
  if (error instanceof ProcessEngineException) {
    return error;
  }
  const prefix = FAILURE_PREFIXES[error instanceof ElException ? error.failure : 'evaluation'];
  const cause = error instanceof Error ? error.message : String(error);
  return new ExpressionEvaluationException(`${prefix}: ${text}. Cause: ${cause}`, { cause: error });
}

function evaluateNode(node: ExpressionNode, context: ExpressionContext): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'identifier':
      return resolveIdentifier(node.name, context);
    case 'member': {
      // EL: a property of null is null, so `a.b.c` is null when `a.b` is.
      const base = evaluateNode(node.object, context);
      return base === null ? null : resolveProperty(base, evaluateNode(node.property, context));
    }
    case 'call':
      return invokeMethod(node, context);
    case 'function':
      return invokeFunction(node.name, node.args, context);
    case 'unary':
      return evaluateUnary(node.operator, evaluateNode(node.operand, context));
    case 'binary':
      return evaluateBinary(node.operator, node.left, node.right, context);
    case 'conditional':
      return coerceToBoolean(evaluateNode(node.test, context))
        ? evaluateNode(node.consequent, context)
        : evaluateNode(node.alternate, context);
  }
}

function resolveIdentifier(name: string, context: ExpressionContext): unknown {
  if (context.hasVariable(name)) {
    return context.getVariable(name) ?? null;
  }
  if (Object.hasOwn(context.beans, name)) {
    return context.beans[name] ?? null;
  }
  throw new ElException('property', `Cannot resolve identifier '${name}'`);
}

function invokeMethod(
  node: Extract<ExpressionNode, { kind: 'call' }>,
  context: ExpressionContext,
): unknown {
  const base = evaluateNode(node.object, context);
  if (base === null) {
    throw new ElException(
      'property',
      `Target unreachable, base expression '${node.objectSource}' resolved to null`,
    );
  }
  const name = coerceToString(evaluateNode(node.method, context));
  const args = node.args.map((arg) => evaluateNode(arg, context));
  const method = resolveMethod(base, name);
  if (!method) {
    throw new ElException('method', `Cannot find method '${name}' in '${typeName(base)}'`);
  }
  return method(args) ?? null;
}

function invokeFunction(
  name: string,
  args: readonly ExpressionNode[],
  context: ExpressionContext,
): unknown {
  const { functions } = context;
  const fn = functions && Object.hasOwn(functions, name) ? functions[name] : undefined;
  if (!fn) {
    throw new ElException('evaluation', `Could not resolve function '${name}'`);
  }
  return fn(...args.map((arg) => evaluateNode(arg, context))) ?? null;
}

function evaluateUnary(operator: UnaryOperator, operand: unknown): unknown {
  switch (operator) {
    case '-': {
      const value = coerceToNumber(operand);
      return value === 0 ? 0 : -value;
    }
    case '!':
      return !coerceToBoolean(operand);
    case 'empty':
      return isEmptyValue(operand);
  }
}

function evaluateBinary(
  operator: BinaryOperator,
  leftNode: ExpressionNode,
  rightNode: ExpressionNode,
  context: ExpressionContext,
): unknown {
  const left = evaluateNode(leftNode, context);
  // `and` / `or` short-circuit, so the right side may be invalid when the left decides.
  if (operator === '&&') {
    return coerceToBoolean(left) && coerceToBoolean(evaluateNode(rightNode, context));
  }
  if (operator === '||') {
    return coerceToBoolean(left) || coerceToBoolean(evaluateNode(rightNode, context));
  }
  const right = evaluateNode(rightNode, context);
  switch (operator) {
    case '==':
      return elEquals(left, right);
    case '!=':
      return !elEquals(left, right);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compareRelational(operator, left, right);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return evaluateArithmetic(operator, left, right);
  }
}

function compareRelational(
  operator: '<' | '>' | '<=' | '>=',
  left: unknown,
  right: unknown,
): boolean {
  if (left === right) {
    return operator === '<=' || operator === '>=';
  }
  if (left === null || right === null) {
    return false;
  }
  const order = elCompare(left, right);
  switch (operator) {
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
  }
}

/** EL arithmetic (spec §1.7): null and null is 0, strings are coerced, `/` is always floating. */
function evaluateArithmetic(
  operator: '+' | '-' | '*' | '/' | '%',
  left: unknown,
  right: unknown,
): number {
  if (left === null && right === null) {
    return 0;
  }
  const a = coerceToNumber(left);
  const b = coerceToNumber(right);
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      // Long remainder by zero throws in Java; Double remainder gives NaN.
      if (b === 0 && !isFloatingPoint(left) && !isFloatingPoint(right)) {
        throw new ElException('evaluation', '/ by zero');
      }
      return a % b;
  }
}
