import { childLocation, rootLocation, type JsonLocation } from '../../../config/index.js';

// Top-level blocks and how many labels name them (tf:language/syntax/configuration).
const LABELS: Readonly<Record<string, number>> = { resource: 2, data: 2, module: 1, variable: 1, output: 1, locals: 0 };

/**
 * The line of each top-level block and of the arguments and blocks directly inside it, keyed by the JSON path
 * hcl2json gives them (`resource.aws_cloudfront_distribution.app.origin`), since hcl2json itself gives no lines.
 */
export function blockLines(text: string, file: string): Map<string, number> {
  const lines = new Map<string, number>();
  let depth = 0;
  let block: JsonLocation | undefined;
  let heredoc: string | undefined;
  for (const [i, raw] of text.split('\n').entries()) {
    if (heredoc !== undefined) {
      if (raw.trim() === heredoc) heredoc = undefined;
      continue;
    }
    const line = raw.replace(/"(?:[^"\\]|\\.)*"/g, (s) => s.replace(/[{}]/g, '')).replace(/(#|\/\/).*$/, '');
    if (depth === 0) {
      const match = /^\s*([a-z]+)((?:\s+"[^"]*")*)\s*\{/.exec(raw);
      const labels = match ? [...match[2]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!) : [];
      if (match && LABELS[match[1]!] === labels.length) {
        block = [match[1]!, ...labels].reduce(childLocation, rootLocation(file));
        lines.set(block.path, i + 1);
      }
    } else if (depth === 1 && block) {
      const name = /^\s*([A-Za-z_][\w-]*)\s*(=|\{|")/.exec(line)?.[1];
      const path = name === undefined ? undefined : childLocation(block, name).path;
      if (path !== undefined && !lines.has(path)) lines.set(path, i + 1);
    }
    const marker = /<<-?\s*([A-Za-z_]\w*)\s*$/.exec(line);
    if (marker) heredoc = marker[1];
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
  }
  return lines;
}
