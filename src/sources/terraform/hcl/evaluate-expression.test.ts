import { describe, expect, it } from 'vitest';
import { evaluate, type EvalContext } from './evaluate-expression.js';
import { parseExpression, parseTemplateString } from './parse-expression.js';
import { Unknown } from './values.js';

const names: Record<string, unknown> = {
  var: { environment: 'dev', paths: ['/a/*', '/b/*'], origins: { api: { port: 8080 }, web: { port: 80 } } },
  aws_lb: { app: { dns_name: new Unknown('aws_lb.app.dns_name') } },
};
const context: EvalContext = { rootDir: '.', files: new Set(), lookup: (name) => names[name] };
const expr = (text: string) => evaluate(parseExpression(text), context);

describe('Terraform expressions (tf:language/expressions)', () => {
  it('templates join their parts; a lone interpolation keeps its type; $${ is a literal', () => {
    expect(evaluate(parseTemplateString('app-${var.environment}'), context)).toBe('app-dev');
    expect(evaluate(parseTemplateString('${var.paths}'), context)).toEqual(['/a/*', '/b/*']);
    expect(evaluate(parseTemplateString('$${literal}'), context)).toBe('${literal}');
    expect(expr('"a\\"b-${upper(var.environment)}"')).toBe('a"b-DEV');
  });

  it('for expressions, splats, conditionals, operators and functions', () => {
    expect(expr('[for p in var.paths : trimsuffix(p, "/*") if p != "/b/*"]')).toEqual(['/a']);
    expect(expr('{ for name, o in var.origins : name => o.port }')).toEqual({ api: 8080, web: 80 });
    expect(expr('[{ x = 1 }, { x = 2 }][*].x')).toEqual([1, 2]);
    expect(expr('var.environment == "prod" ? 3600 : 1 + 2 * 3')).toBe(7);
    expect(expr('merge({ a = 1 }, { b = length(var.paths) })')).toEqual({ a: 1, b: 2 });
    expect(expr('try(var.missing.x, "fallback")')).toBe('fallback');
    expect(expr('jsonencode({ a = [true, null] })')).toBe('{"a":[true,null]}');
  });

  it('a value known only after apply stays unknown through templates and functions', () => {
    expect(expr('"https://${aws_lb.app.dns_name}/"')).toEqual(new Unknown('aws_lb.app.dns_name'));
    expect(expr('lower(aws_lb.app.dns_name)')).toEqual(new Unknown('aws_lb.app.dns_name'));
  });

  it('an unsupported function and a template directive are named', () => {
    expect(() => expr('cidrsubnet("10.0.0.0/16", 8, 1)')).toThrow(/cidrsubnet\(\) is not one edge-dev evaluates/);
    expect(() => evaluate(parseTemplateString('%{ if true }x%{ endif }'), context)).toThrow(/template directives/);
  });
});
