/**
 * The check's output: a readable report grouped by function and then by input (colour only when asked, i.e. on
 * a TTY), and the fixed JSON form of interface.md (`ok`, `findings`; extra fields allowed).
 */
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

export function toText(result: CheckResult, options: { color: boolean; title?: string }): string {
  const p = painter(options.color);
  const out: string[] = [];
  if (options.title) out.push(p.bold(options.title), '');
  const byFunction = new Map<string, Finding[]>();
  const byInput = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = f.function && result.functions.includes(f.function) ? f.function : undefined;
    const map = key ? byFunction : byInput;
    const k = key ?? f.input ?? 'other';
    map.set(k, [...(map.get(k) ?? []), f]);
  }
  for (const id of result.functions) {
    const list = byFunction.get(id) ?? [];
    out.push(`${p.bold('function')} ${id}${list.length === 0 ? p.green('  ok') : ''}`);
    for (const f of list) out.push(...formatFinding(f, p));
    out.push('');
  }
  for (const [input, list] of byInput) {
    out.push(`${p.bold('input')} ${input}`);
    for (const f of list) out.push(...formatFinding(f, p));
    out.push('');
  }
  if (result.notEvaluated.length > 0) {
    out.push(p.bold('not evaluated'));
    for (const n of result.notEvaluated) out.push(p.dim(`  - ${n}`));
    out.push('');
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
