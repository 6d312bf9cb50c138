/**
 * The check's output: a readable report grouped by function and then by input (colour only when asked, i.e. on
 * a TTY), and the fixed JSON form of interface.md (`ok`, `findings`; extra fields allowed).
 */
import { parseLambdaArn } from './arn.js';
import type { CheckResult } from './run-check.js';
import type { Finding } from './types.js';

export function toJson(result: CheckResult): string {
  return `${JSON.stringify({ ok: result.ok, findings: result.findings, notEvaluated: result.notEvaluated }, null, 2)}\n`;
}

interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

function painter(color: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22), green: wrap(32, 39) };
}

function formatFinding(f: Finding, p: Paint): string[] {
  const tag = f.severity === 'error' ? p.red('error  ') : p.yellow('warning');
  const lines = [`  ${tag} ${p.bold(f.code)}  ${f.message}`];
  const where = [f.file, f.statement].filter(Boolean).join(' ');
  if (where) lines.push(p.dim(`          at ${where}${f.reference ? ` (${f.reference})` : ''}`));
  if (f.awsMessage) lines.push(`          AWS says: "${f.awsMessage}"`);
  if (f.dependsOn) lines.push(`          depends on: ${f.dependsOn.join(', ')}`);
  if (f.fix) lines.push(`          fix: ${f.fix}`);
  if (f.hint) lines.push(p.dim(`          note: ${f.hint}`));
  return lines;
}

/** `text` with the function's version ARN and its unqualified ARN replaced by words. */
function withoutFunction(text: string | undefined, fn: string | undefined): string | undefined {
  if (!fn || text === undefined) return text;
  const unqualified = parseLambdaArn(fn)?.unqualified;
  const generic = text.replaceAll(fn, 'each function');
  return unqualified ? generic.replaceAll(unqualified, "each function's unqualified ARN") : generic;
}

/** A finding with the function it names replaced, so the same problem on several functions reads as one. */
function shapeOf(f: Finding): string {
  return [f.severity, f.code, withoutFunction(f.message, f.function), withoutFunction(f.fix, f.function), f.file ?? '', f.statement ?? ''].join('\u0000');
}

/**
 * Issue 12: findings that differ only by the function they name are printed once, listing the functions, instead
 * of once per function.
 */
function groupByShape(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = shapeOf(f);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

function formatGroup(group: Finding[], p: Paint): string[] {
  const first = group[0]!;
  if (group.length === 1) {
    const lines = formatFinding(first, p);
    if (first.function) lines.splice(1, 0, `          function: ${first.function}`);
    return lines;
  }
  const generic = (text: string | undefined) => withoutFunction(text, first.function);
  const lines = formatFinding({ ...first, message: generic(first.message)!, fix: generic(first.fix), awsMessage: generic(first.awsMessage), hint: undefined }, p);
  lines.splice(1, 0, `          functions: ${group.map((f) => f.function).join(', ')}`);
  for (const f of group) if (f.hint) lines.push(p.dim(`          note (${f.function}): ${f.hint}`));
  return lines;
}

export function toText(result: CheckResult, options: { color: boolean; title?: string }): string {
  const p = painter(options.color);
  const out: string[] = [];
  if (options.title) out.push(p.bold(options.title), '');
  const perFunction = result.findings.filter((f) => f.function && result.functions.includes(f.function));
  const byInput = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (perFunction.includes(f)) continue;
    const k = f.input ?? 'other';
    byInput.set(k, [...(byInput.get(k) ?? []), f]);
  }
  const clean = result.functions.filter((id) => !perFunction.some((f) => f.function === id));
  for (const id of clean) out.push(`${p.bold('function')} ${id}${p.green('  ok')}`);
  if (clean.length > 0) out.push('');
  if (perFunction.length > 0) {
    out.push(p.bold('functions'));
    for (const group of groupByShape(perFunction)) out.push(...formatGroup(group, p));
    out.push('');
  }
  for (const [input, list] of byInput) {
    out.push(`${p.bold('input')} ${input}`);
    for (const group of groupByShape(list)) out.push(...formatGroup(group, p));
    out.push('');
  }
  if (result.notEvaluated.length > 0) {
    out.push(p.bold('not evaluated'));
    for (const n of result.notEvaluated) out.push(p.dim(`  - ${n}`));
    out.push('');
  }
  if (result.findings.some((f) => f.code.startsWith('DEPLOYER_') && f.severity === 'error')) {
    out.push(p.dim('A deployer policy that passes: edge-dev check --print-minimal-policy (same inputs).'), '');
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  out.push(
    errors > 0
      ? p.red(`${errors} error(s), ${warnings} warning(s): the deploy would be rejected`)
      : p.green(`0 errors, ${warnings} warning(s): nothing blocks the deploy`),
  );
  return `${out.join('\n')}\n`;
}
