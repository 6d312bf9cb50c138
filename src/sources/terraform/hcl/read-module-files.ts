import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../../../config/index.js';
import { SourceError } from '../../source-error.js';
import { readSourceText } from '../../shared/read-document.js';
import { SourceDocument } from '../../shared/source-document.js';
import { blockLines } from './block-lines.js';

/** One block of a module (a resource, data source, module call, variable, output, or one local), with its file. */
export interface ModuleBlock {
  doc: SourceDocument;
  /** JSON path segments of the block in its file: `resource`, TYPE, NAME. */
  keys: string[];
  body: Record<string, unknown>;
}

/** The blocks of every `.tf` file of a module directory, by kind and name (`TYPE.NAME` for resources and data). */
export interface ModuleFiles {
  dir: string;
  files: string[];
  variables: Map<string, ModuleBlock>;
  locals: Map<string, ModuleBlock>;
  resources: Map<string, ModuleBlock>;
  data: Map<string, ModuleBlock>;
  modules: Map<string, ModuleBlock>;
  outputs: Map<string, ModuleBlock>;
}

/** @cdktf/hcl2json's `parse`, loaded only when a Terraform directory is read. */
export type Hcl2Json = (filename: string, contents: string) => Promise<Record<string, unknown>>;

/** hcl2json's message `parse config: [main.tf:12,3-4: Summary; Detail]` as the line and the reason. */
export function syntaxError(file: string, error: unknown): SourceError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
  return new SourceError('UnreadableSource', file, match ? `line ${match[1]}` : '', `is not valid HCL: ${match ? match[2]!.trim() : message}. Fix the syntax there (\`terraform validate\` shows it too).`);
}

function labelled(target: Map<string, ModuleBlock>, doc: SourceDocument, kind: string, value: unknown, depth: 1 | 2): void {
  if (!isObject(value)) return;
  for (const [first, inner] of Object.entries(value)) {
    if (depth === 1) {
      if (Array.isArray(inner) && isObject(inner[0])) target.set(first, { doc, keys: [kind, first], body: inner[0] });
      continue;
    }
    if (!isObject(inner)) continue;
    for (const [second, bodies] of Object.entries(inner)) {
      if (Array.isArray(bodies) && isObject(bodies[0])) target.set(`${first}.${second}`, { doc, keys: [kind, first, second], body: bodies[0] });
    }
  }
}

/** Reads and parses a module directory's `*.tf` files with @cdktf/hcl2json (HashiCorp's HCL parser, in WebAssembly). */
export async function readModuleFiles(dir: string, parse: Hcl2Json): Promise<ModuleFiles> {
  const names = readdirSync(dir).filter((name) => name.endsWith('.tf')).sort();
  const module: ModuleFiles = { dir, files: [], variables: new Map(), locals: new Map(), resources: new Map(), data: new Map(), modules: new Map(), outputs: new Map() };
  for (const name of names) {
    const file = join(dir, name);
    const text = readSourceText(file);
    let body: Record<string, unknown>;
    try {
      body = await parse(name, text);
    } catch (error) {
      throw syntaxError(file, error);
    }
    const doc = new SourceDocument(file, body, blockLines(text, file));
    module.files.push(file);
    labelled(module.resources, doc, 'resource', body.resource, 2);
    labelled(module.data, doc, 'data', body.data, 2);
    labelled(module.modules, doc, 'module', body.module, 1);
    labelled(module.variables, doc, 'variable', body.variable, 1);
    labelled(module.outputs, doc, 'output', body.output, 1);
    for (const locals of Array.isArray(body.locals) ? body.locals.filter(isObject) : []) {
      for (const [local, value] of Object.entries(locals)) module.locals.set(local, { doc, keys: ['locals', local], body: { value } });
    }
  }
  return module;
}
