import { ExpressionError } from './expression-error.js';
import type { Expr } from './expression-types.js';

// tf:language/expressions/operators, lowest precedence first.
const BINARY_LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * A recursive-descent reader of Terraform's expression syntax (hcl:hclsyntax/spec.md "Expressions"): literals,
 * templates, references, function calls, tuples, objects, `for`, splats, operators and conditionals. `%{}`
 * directives are refused with a message naming them.
 */
class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new ExpressionError(`${message} at column ${this.pos + 1} of \`${this.text}\``);
  }

  private skipSpace(): void {
    for (;;) {
      while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
      if (this.text.startsWith('#', this.pos) || this.text.startsWith('//', this.pos)) {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
      } else if (this.text.startsWith('/*', this.pos)) {
        const end = this.text.indexOf('*/', this.pos + 2);
        this.pos = end === -1 ? this.text.length : end + 2;
      } else return;
    }
  }

  private peek(token: string): boolean {
    this.skipSpace();
    return this.text.startsWith(token, this.pos);
  }

  private accept(token: string): boolean {
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.accept(token)) this.fail(`expected "${token}"`);
  }

  private identifier(): string | undefined {
    this.skipSpace();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  expression(): Expr {
    const condition = this.binary(0);
    if (!this.accept('?')) return condition;
    const then = this.expression();
    this.expect(':');
    return { kind: 'conditional', condition, then, otherwise: this.expression() };
  }

  private binary(level: number): Expr {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const operator = BINARY_LEVELS[level]!.find((op) => this.peek(op));
      if (!operator) return left;
      this.pos += operator.length;
      left = { kind: 'binary', operator, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Expr {
    if (this.accept('!')) return { kind: 'unary', operator: '!', operand: this.unary() };
    if (this.peek('-') && !this.peek('->')) {
      this.pos++;
      return { kind: 'unary', operator: '-', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(start: Expr): Expr {
    let expr = start;
    // After a splat, further traversals apply to each element.
    let splat: { source: Expr } | undefined;
    const apply = (step: (target: Expr) => Expr) => {
      if (splat) expr = { kind: 'splat', source: splat.source, each: step((expr as Extract<Expr, { kind: 'splat' }>).each) };
      else expr = step(expr);
    };
    for (;;) {
      if (this.peek('.*') || this.peek('[*]')) {
        this.pos += this.text.startsWith('.*', this.pos) ? 2 : 3;
        splat = { source: expr };
        expr = { kind: 'splat', source: expr, each: { kind: 'item' } };
      } else if (this.peek('.') && !this.peek('...')) {
        this.pos++;
        this.skipSpace();
        const digits = /^\d+/.exec(this.text.slice(this.pos));
        if (digits) {
          this.pos += digits[0].length;
          apply((target) => ({ kind: 'index', target, key: { kind: 'literal', value: Number(digits[0]) } }));
        } else {
          const name = this.identifier() ?? this.fail('expected an attribute name after "."');
          apply((target) => ({ kind: 'attribute', target, name }));
        }
      } else if (this.accept('[')) {
        const key = this.expression();
        this.expect(']');
        apply((target) => ({ kind: 'index', target, key }));
      } else return expr;
    }
  }

  private primary(): Expr {
    this.skipSpace();
    const rest = this.text.slice(this.pos);
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    if (this.accept('"')) return this.quotedTemplate();
    if (this.accept('(')) {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (this.accept('[')) return this.peekKeyword('for') ? this.forExpression(']') : this.tuple();
    if (this.accept('{')) return this.peekKeyword('for') ? this.forExpression('}') : this.object();
    if (this.peek('<<')) this.fail('a heredoc inside an expression is not read; move it to its own attribute');
    const name = this.identifier() ?? this.fail('expected an expression');
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    if (this.accept('(')) return this.call(name);
    return { kind: 'variable', name };
  }

  private peekKeyword(word: string): boolean {
    this.skipSpace();
    return new RegExp(`^${word}\\b`).test(this.text.slice(this.pos));
  }

  private call(name: string): Expr {
    const args: Expr[] = [];
    let expandLast = false;
    while (!this.accept(')')) {
      args.push(this.expression());
      if (this.accept('...')) expandLast = true;
      if (!this.accept(',')) {
        this.expect(')');
        break;
      }
    }
    return { kind: 'call', name, args, expandLast };
  }

  private tuple(): Expr {
    const items: Expr[] = [];
    while (!this.accept(']')) {
      items.push(this.expression());
      if (!this.accept(',')) {
        this.expect(']');
        break;
      }
    }
    return { kind: 'tuple', items };
  }

  private object(): Expr {
    const entries: Array<[Expr, Expr]> = [];
    while (!this.accept('}')) {
      const start = this.pos;
      const bare = this.identifier();
      // A bare name is the key itself, not a reference (tf:language/expressions/types "Maps/Objects").
      const key: Expr = bare !== undefined && (this.peek('=') || this.peek(':')) ? { kind: 'literal', value: bare } : ((this.pos = start), this.expression());
      if (!this.accept('=') && !this.accept(':')) this.fail('expected "=" or ":" after an object key');
      entries.push([key, this.expression()]);
      this.accept(',');
    }
    return { kind: 'object', entries };
  }

  private forExpression(close: ']' | '}'): Expr {
    this.identifier();
    const first = this.identifier() ?? this.fail('expected a name after "for"');
    const second = this.accept(',') ? (this.identifier() ?? this.fail('expected a second name after ","')) : undefined;
    if (!this.peekKeyword('in')) this.fail('expected "in"');
    this.identifier();
    const collection = this.expression();
    this.expect(':');
    const first2 = this.expression();
    let key: Expr | undefined;
    let value = first2;
    if (close === '}') {
      this.expect('=>');
      key = first2;
      value = this.expression();
    }
    const grouped = close === '}' && this.accept('...');
    const condition = this.peekKeyword('if') ? (this.identifier(), this.expression()) : undefined;
    this.expect(close);
    return {
      kind: 'for',
      ...(second === undefined ? { valueVar: first } : { keyVar: first, valueVar: second }),
      collection,
      ...(key ? { key } : {}),
      value,
      ...(condition ? { condition } : {}),
      grouped,
    };
  }

  /** A template up to the closing quote (`quoted`) or the end of the text; `${` starts an interpolation. */
  template(quoted: boolean): Expr {
    const parts: Expr[] = [];
    let literal = '';
    const flush = () => {
      if (literal) parts.push({ kind: 'literal', value: literal });
      literal = '';
    };
    for (;;) {
      if (this.pos >= this.text.length) {
        if (quoted) this.fail('unterminated string');
        break;
      }
      const c = this.text[this.pos]!;
      if (quoted && c === '"') {
        this.pos++;
        break;
      }
      if (this.text.startsWith('$${', this.pos) || this.text.startsWith('%%{', this.pos)) {
        literal += `${c}{`;
        this.pos += 3;
      } else if (this.text.startsWith('${', this.pos)) {
        flush();
        this.pos += 2;
        this.accept('~');
        parts.push(this.expression());
        this.accept('~');
        this.expect('}');
      } else if (this.text.startsWith('%{', this.pos)) {
        this.fail('template directives (%{if}, %{for}) are not read; use a conditional or a for expression inside ${}');
      } else if (quoted && c === '\\') {
        const next = this.text[this.pos + 1] ?? '';
        if (next === 'u') {
          literal += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          literal += ESCAPES[next] ?? next;
          this.pos += 2;
        }
      } else {
        literal += c;
        this.pos++;
      }
    }
    flush();
    return parts.length === 1 && parts[0]!.kind !== 'literal' ? parts[0]! : { kind: 'template', parts };
  }

  private quotedTemplate(): Expr {
    const expr = this.template(true);
    // A quoted lone interpolation keeps its type as well, as Terraform's does.
    return expr.kind === 'template' && expr.parts.length === 0 ? { kind: 'literal', value: '' } : expr;
  }
}

/** One string as Terraform's JSON syntax holds it (what hcl2json gives): a template, `$${` an escaped `${`. */
export function parseTemplateString(text: string): Expr {
  return new Parser(text).template(false);
}

/** An expression on its own (a `--var` value of a non-string type, a `.tfvars` value). */
export function parseExpression(text: string): Expr {
  const parser = new Parser(text);
  const expr = parser.expression();
  if (!parser.atEnd()) parser.fail('unexpected text after the expression');
  return expr;
}
