import { FormulaError } from './FormulaError.ts';

export { FormulaError };

/** The functions a formula may call, with the number of arguments each takes. */
const functionArity = {
  lag: 1,
  ln: 1,
  log10: 1,
  exp: 1,
  sqrt: 1,
  abs: 1,
  nullif: 2,
  min: 2,
  max: 2,
} as const;

export type FormulaFunction = keyof typeof functionArity;
export type UnaryOperator = '+' | '-';
export type BinaryOperator = '+' | '-' | '*' | '/';

/** A parsed formula: numbers are never negative (a minus sign is a unary node). */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'unary'; readonly operator: UnaryOperator; readonly operand: FormulaNode }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    }
  | { readonly kind: 'call'; readonly name: FormulaFunction; readonly args: readonly FormulaNode[] };

/** How the compiled SQL refers to a variable in the region's current and previous year. */
export type CompileFormulaOptions = {
  current: (variable: string) => string;
  previous: (variable: string) => string;
};

// Deeper formulas are not written by people; the limit keeps recursion shallow and the SQL
// small, since ln, sqrt, min and max repeat their compiled arguments.
const maxNesting = 16;
// A formula is a person's arithmetic on a few variables. Past these sizes it is a mistake (or an
// attack): a chain of 1,000 terms exceeds DuckDB's expression depth, and ln, sqrt, min and max
// repeat their arguments in the SQL, so nesting them doubles its size at each level.
export const maxOperators = 100;
const maxCompiledTerms = 20_000;

const isFunction = (name: string): name is FormulaFunction => Object.hasOwn(functionArity, name);

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Token = {
  kind: 'number' | 'identifier' | 'operator' | '(' | ')' | ',' | 'end' | 'invalid';
  text: string;
  position: number;
};

const numberPattern = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const identifierPattern = /[A-Za-z_][A-Za-z0-9_]*/y;
// Text glued to a number ("1e", "2x", "1.2.3") makes the whole run a malformed number.
const numberTailPattern = /[A-Za-z0-9_.]+/y;
// \s includes the full-width (ideographic) space U+3000 and the no-break space.
const whitespacePattern = /\s*/y;

function matchAt(pattern: RegExp, text: string, position: number): string | null {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0] ?? null;
}

/** Reads the token that starts at or after `from`, skipping whitespace. */
function scanToken(text: string, from: number): Token {
  const position = from + (matchAt(whitespacePattern, text, from) ?? '').length;
  if (position >= text.length) return { kind: 'end', text: '', position };

  const number = matchAt(numberPattern, text, position);
  if (number !== null) {
    const tail = matchAt(numberTailPattern, text, position + number.length);
    if (tail !== null) {
      const written = number + tail;
      throw formulaError(`malformed number ${quote(written)}`, written, position, 'a number such as 12, 0.5 or 1e4');
    }
    if (!Number.isFinite(Number(number))) {
      throw formulaError(`number ${quote(number)} out of range`, number, position, 'a number below 1.8e308');
    }
    return { kind: 'number', text: number, position };
  }
  const identifier = matchAt(identifierPattern, text, position);
  if (identifier !== null) return { kind: 'identifier', text: identifier, position };

  // "--" starts an SQL comment; "a - -b" with a space is the way to negate twice.
  if (text.startsWith('--', position)) {
    throw formulaError('unexpected token "--"', '--', position, 'a single "-" (write "a - -b" to subtract a negative)');
  }
  const char = String.fromCodePoint(text.codePointAt(position) ?? 0);
  if ('+-*/'.includes(char)) return { kind: 'operator', text: char, position };
  if (char === '(' || char === ')' || char === ',') return { kind: char, text: char, position };
  return { kind: 'invalid', text: char, position };
}

// ---------------------------------------------------------------------------------------------
// Parser: sum := product (("+" | "-") product)*; product := unary (("*" | "/") unary)*;
// unary := ("+" | "-") unary | primary; primary := number | variable | call | "(" sum ")".

const anOperand = 'a number, a variable, a function call or "("';

class Parser {
  private token: Token;
  private nesting = 0;
  private operators = 0;
  private insideLag = false;

  constructor(private readonly text: string) {
    this.token = scanToken(text, 0);
  }

  parse(): FormulaNode {
    const node = this.parseSum();
    if (!this.at('end')) throw this.unexpected('an operator or the end');
    return node;
  }

  private advance(): Token {
    const token = this.token;
    this.token = scanToken(this.text, token.position + token.text.length);
    return token;
  }

  // A method, not a property test, so that TypeScript does not keep a narrowing across advance().
  private at(kind: Token['kind']): boolean {
    return this.token.kind === kind;
  }

  private atOperator(...operators: string[]): boolean {
    return this.token.kind === 'operator' && operators.includes(this.token.text);
  }

  private parseSum(): FormulaNode {
    let left = this.parseProduct();
    while (this.atOperator('+', '-')) {
      this.countOperator();
      const operator = this.advance().text as BinaryOperator;
      left = { kind: 'binary', operator, left, right: this.parseProduct() };
    }
    return left;
  }

  private parseProduct(): FormulaNode {
    let left = this.parseUnary();
    while (this.atOperator('*', '/')) {
      this.countOperator();
      const operator = this.advance().text as BinaryOperator;
      left = { kind: 'binary', operator, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FormulaNode {
    if (!this.atOperator('+', '-')) return this.parsePrimary();
    const sign = this.advance();
    return this.nested(sign, () => ({
      kind: 'unary',
      operator: sign.text as UnaryOperator,
      operand: this.parseUnary(),
    }));
  }

  private parsePrimary(): FormulaNode {
    const token = this.token;
    if (token.kind === 'number') {
      this.advance();
      return { kind: 'number', value: Number(token.text) };
    }
    if (token.kind === 'identifier') {
      this.advance();
      if (isFunction(token.text)) return this.parseCall(token, token.text);
      if (this.at('(')) {
        throw formulaError(
          `unknown function ${quote(token.text)}`,
          token.text,
          token.position,
          `one of ${Object.keys(functionArity).join(', ')}`,
        );
      }
      return { kind: 'variable', name: token.text };
    }
    if (token.kind === '(') {
      this.advance();
      const inner = this.nested(token, () => this.parseSum());
      if (!this.at(')')) throw this.unexpected('an operator or ")"');
      this.advance();
      return inner;
    }
    throw this.unexpected(anOperand);
  }

  private parseCall(nameToken: Token, name: FormulaFunction): FormulaNode {
    if (!this.at('(')) throw this.unexpected(`"(" after the function ${quote(name)}`);
    if (name === 'lag' && this.insideLag) {
      throw formulaError('nested "lag"', name, nameToken.position, 'an expression without lag inside lag (only the previous year is joined)');
    }
    this.advance();
    const outerInsideLag = this.insideLag;
    this.insideLag ||= name === 'lag';
    const args = this.nested(nameToken, () => {
      const list = [this.parseSum()];
      while (this.at(',')) {
        this.advance();
        list.push(this.parseSum());
      }
      return list;
    });
    this.insideLag = outerInsideLag;
    if (!this.at(')')) throw this.unexpected('an operator, "," or ")"');
    this.advance();

    const arity = functionArity[name];
    if (args.length !== arity) {
      throw formulaError(
        `function ${quote(name)} with ${plural(args.length, 'argument')}`,
        name,
        nameToken.position,
        plural(arity, 'argument'),
      );
    }
    return { kind: 'call', name, args };
  }

  private countOperator(): void {
    if (++this.operators > maxOperators) {
      throw formulaError(
        `a formula of more than ${maxOperators} operators`,
        this.token.text,
        this.token.position,
        `at most ${maxOperators} (give a long sum as a variable of its own)`,
      );
    }
  }

  private nested<T>(opener: Token, parse: () => T): T {
    if (++this.nesting > maxNesting) {
      throw formulaError(
        `too deeply nested ${quote(opener.text)}`,
        opener.text,
        opener.position,
        `at most ${maxNesting} levels of parentheses, signs and function calls`,
      );
    }
    const result = parse();
    this.nesting--;
    return result;
  }

  private unexpected(expected: string): FormulaError {
    const { text, position, kind } = this.token;
    const found = kind === 'end' ? 'unexpected end of formula' : `unexpected token ${quote(text)}`;
    return formulaError(found, text, position, expected + fullWidthHint(text));
  }
}

function formulaError(found: string, token: string, position: number, expected: string): FormulaError {
  return new FormulaError(found, token, position, expected);
}

function quote(token: string): string {
  return token.includes('"') ? `'${token}'` : `"${token}"`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// Chinese input methods type full-width punctuation (U+FF01-U+FF5E), which looks like ASCII.
function fullWidthHint(token: string): string {
  const code = token.codePointAt(0) ?? 0;
  if (token.length !== 1 || code < 0xff01 || code > 0xff5e) return '';
  return ` (${quote(token)} is full-width: type the half-width ${quote(String.fromCharCode(code - 0xfee0))})`;
}

/** Parses a formula of framework.csv into its syntax tree, or throws a {@link FormulaError}. */
export function parseFormula(text: string): FormulaNode {
  const node = new Parser(text).parse();
  const terms = 2 * compiledTerms(node);
  if (terms > maxCompiledTerms) {
    throw formulaError(
      `a formula whose SQL would have ${terms.toLocaleString('en-US')} terms`,
      '',
      0,
      `at most ${maxCompiledTerms.toLocaleString('en-US')} (ln, log10, sqrt, min and max repeat their arguments: nest fewer of them)`,
    );
  }
  return node;
}

/** How many numbers and variables the compiled SQL holds (compileNode repeats some arguments). */
function compiledTerms(node: FormulaNode): number {
  switch (node.kind) {
    case 'number':
    case 'variable':
      return 1;
    case 'unary':
      return compiledTerms(node.operand);
    case 'binary':
      return compiledTerms(node.left) + compiledTerms(node.right);
    case 'call': {
      const [a = 0, b = 0] = node.args.map(compiledTerms);
      if (node.name === 'ln' || node.name === 'log10' || node.name === 'sqrt') return 2 * a;
      if (node.name === 'min' || node.name === 'max') return 2 * (a + b);
      return a + b;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Uses of the tree

/** The distinct variable names a formula uses, sorted. */
export function formulaVariables(node: FormulaNode): string[] {
  const names = new Set<string>();
  const visit = (n: FormulaNode): void => {
    if (n.kind === 'variable') names.add(n.name);
    else if (n.kind === 'unary') visit(n.operand);
    else if (n.kind === 'binary') {
      visit(n.left);
      visit(n.right);
    } else if (n.kind === 'call') n.args.forEach(visit);
  };
  visit(node);
  return [...names].sort();
}

const precedence: Record<BinaryOperator, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** Prints a formula in normal form: single spaces around operators, only the parentheses needed. */
export function formulaToString(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return node.value < 0 ? `(${finite(node.value)})` : String(finite(node.value));
    case 'variable':
      return node.name;
    case 'unary': {
      const operand = formulaToString(node.operand);
      const bare = node.operand.kind !== 'binary' && node.operand.kind !== 'unary';
      return `${node.operator}${bare ? operand : `(${operand})`}`;
    }
    case 'binary': {
      const own = precedence[node.operator];
      const side = (child: FormulaNode, needsParentheses: (childPrecedence: number) => boolean) => {
        const text = formulaToString(child);
        return child.kind === 'binary' && needsParentheses(precedence[child.operator]) ? `(${text})` : text;
      };
      // Left-associative: a right operand of equal precedence keeps its parentheses, a - (b - c).
      const left = side(node.left, (p) => p < own);
      const right = side(node.right, (p) => p <= own);
      return `${left} ${node.operator} ${right}`;
    }
    case 'call':
      return `${node.name}(${node.args.map(formulaToString).join(', ')})`;
  }
}

/**
 * Compiles a formula to a DuckDB expression of type DOUBLE in which bad math (division by zero,
 * ln or log10 of x <= 0, sqrt of x < 0, overflow) and any missing input give NULL, never an error.
 */
export function compileFormula(node: FormulaNode, options: CompileFormulaOptions): string {
  const sql = compileNode(node, options.current, options, false);
  // Overflow (exp(1000), 1e300 * 1e300) gives Inf or NaN in DuckDB rather than an error.
  return `CASE WHEN isfinite(${sql}) THEN ${sql} END`;
}

function compileNode(
  node: FormulaNode,
  column: (variable: string) => string,
  options: CompileFormulaOptions,
  insideLag: boolean,
): string {
  const compile = (child: FormulaNode) => compileNode(child, column, options, insideLag);
  switch (node.kind) {
    case 'number': {
      // Exponent notation is a DOUBLE literal in DuckDB; 10000 would be an INTEGER, 10000.0 a DECIMAL.
      const literal = finite(node.value).toExponential().replace('e+', 'e');
      return node.value < 0 ? `(${literal})` : literal;
    }
    case 'variable':
      // Integer columns would otherwise overflow on * or round on DuckDB's integer arithmetic.
      return `CAST(${column(node.name)} AS DOUBLE)`;
    case 'unary':
      return node.operator === '-' ? `(-${compile(node.operand)})` : compile(node.operand);
    case 'binary': {
      const left = compile(node.left);
      const right = compile(node.right);
      return node.operator === '/' ? `(${left} / NULLIF(${right}, 0))` : `(${left} ${node.operator} ${right})`;
    }
    case 'call': {
      if (node.args.length !== functionArity[node.name]) {
        throw new Error(`${node.name} takes ${plural(functionArity[node.name], 'argument')}, got ${node.args.length}`);
      }
      if (node.name === 'lag') {
        if (insideLag) throw new Error('lag inside lag cannot be compiled: only the previous year is joined');
        return compileNode(node.args[0] as FormulaNode, options.previous, options, true);
      }
      const [a, b] = node.args.map(compile) as [string, string];
      switch (node.name) {
        // DuckDB raises an error for ln(0) and sqrt(-1); the guard inside keeps them from seeing it.
        case 'ln':
        case 'log10':
          return `${node.name}(CASE WHEN ${a} > 0 THEN ${a} END)`;
        case 'sqrt':
          return `sqrt(CASE WHEN ${a} >= 0 THEN ${a} END)`;
        case 'exp':
        case 'abs':
          return `${node.name}(${a})`;
        case 'nullif':
          return `NULLIF(${a}, ${b})`;
        // DuckDB's least and greatest skip NULLs, but a missing input must give a missing result.
        case 'min':
        case 'max':
          return `CASE WHEN ${a} IS NOT NULL AND ${b} IS NOT NULL THEN ${node.name === 'min' ? 'least' : 'greatest'}(${a}, ${b}) END`;
      }
    }
  }
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`a formula number must be finite, got ${value}`);
  return value;
}
