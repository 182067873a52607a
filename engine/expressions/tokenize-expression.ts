import { ExpressionEvaluationException } from '../errors';

interface TokenSpan {
  /** The source text of the token, as reported in syntax errors. */
  readonly image: string;
  readonly start: number;
  readonly end: number;
}

/** One lexical unit of the text between `${` and `}`; keyword operators arrive as their symbols. */
export type Token = TokenSpan &
  (
    | {
        readonly kind: 'literal';
        readonly value: string | number | boolean | null;
      }
    | { readonly kind: 'identifier'; readonly name: string }
    | { readonly kind: 'operator'; readonly operator: string }
    | { readonly kind: 'end' }
  );

// EL's word operators are synonyms, so the parser only ever sees the symbolic form.
const KEYWORD_OPERATORS = new Map([
  ['and', '&&'],
  ['or', '||'],
  ['not', '!'],
  ['eq', '=='],
  ['ne', '!='],
  ['lt', '<'],
  ['gt', '>'],
  ['le', '<='],
  ['ge', '>='],
  ['div', '/'],
  ['mod', '%'],
  ['empty', 'empty'],
]);
const KEYWORD_LITERALS = new Map<string, boolean | null>([
  ['true', true],
  ['false', false],
  ['null', null],
]);
const SYMBOLS = new Set([
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '?',
  ':',
  '.',
  ',',
  '(',
  ')',
  '[',
  ']',
]);
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const WHITESPACE = /\s/;

/** A syntax error in JUEL's wording, naming the whole expression text and the 0-based position. */
export function syntaxError(
  text: string,
  position: number,
  detail: string,
): ExpressionEvaluationException {
  return new ExpressionEvaluationException(
    `Error parsing '${text}': syntax error at position ${position}, ${detail}`,
  );
}

/**
 * Splits the expression starting at `start` (just after `${`) into tokens, up to and including the
 * closing `}`, which is the last token. EL 2.2 has no braces inside expressions, so the first `}`
 * outside a string literal ends it.
 */
export function tokenizeExpression(text: string, start: number): Token[] {
  const tokens: Token[] = [];
  let position = start;
  while (position < text.length) {
    const char = text.charAt(position);
    if (WHITESPACE.test(char)) {
      position++;
      continue;
    }
    const token = scanToken(text, position, char);
    tokens.push(token);
    if (token.kind === 'end') {
      return tokens;
    }
    position = token.end;
  }
  throw syntaxError(text, text.length, "encountered end of text, expected '}'");
}

function scanToken(text: string, start: number, char: string): Token {
  if (char === '}') {
    return { kind: 'end', image: char, start, end: start + 1 };
  }
  if (char === "'" || char === '"') {
    return scanString(text, start, char);
  }
  const number = matchAt(NUMBER, text, start);
  if (number !== undefined) {
    return {
      kind: 'literal',
      value: Number(number),
      image: number,
      start,
      end: start + number.length,
    };
  }
  const word = matchAt(IDENTIFIER, text, start);
  if (word !== undefined) {
    const span = { image: word, start, end: start + word.length };
    const operator = KEYWORD_OPERATORS.get(word);
    if (operator !== undefined) {
      return { kind: 'operator', operator, ...span };
    }
    const literal = KEYWORD_LITERALS.get(word);
    if (literal !== undefined) {
      return { kind: 'literal', value: literal, ...span };
    }
    if (word === 'instanceof') {
      throw syntaxError(text, start, "'instanceof' is reserved and not supported");
    }
    return { kind: 'identifier', name: word, ...span };
  }
  const pair = text.slice(start, start + 2);
  const symbol = SYMBOLS.has(pair) ? pair : char;
  if (!SYMBOLS.has(symbol)) {
    throw syntaxError(text, start, `encountered unexpected character '${char}'`);
  }
  return {
    kind: 'operator',
    operator: symbol,
    image: symbol,
    start,
    end: start + symbol.length,
  };
}

/** JUEL accepts only `\\` and an escaped quote of the enclosing kind; anything else is an error. */
function scanString(text: string, start: number, quote: string): Token {
  let value = '';
  let position = start + 1;
  while (position < text.length) {
    const char = text.charAt(position);
    if (char === quote) {
      const end = position + 1;
      return {
        kind: 'literal',
        value,
        image: text.slice(start, end),
        start,
        end,
      };
    }
    if (char === '\\') {
      const escaped = text.charAt(position + 1);
      if (escaped !== '\\' && escaped !== quote) {
        throw syntaxError(
          text,
          position,
          `invalid escape sequence '\\${escaped}', expected \\${quote} or \\\\`,
        );
      }
      value += escaped;
      position += 2;
    } else {
      value += char;
      position++;
    }
  }
  throw syntaxError(text, start, `unterminated string, expected ${quote}`);
}

function matchAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0];
}
