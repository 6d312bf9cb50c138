import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { childLocation, isObject } from '../../config/index.js';
import type { LambdaCode } from '../shared/function-entry.js';
import { findHandlerModule, writeInlineCode } from '../shared/handler-module.js';
import type { Evaluator, TemplateResource } from './template-types.js';

/** Where to find the code of the template's functions. */
export interface CodeContext {
  templateFile: string;
  codeDir: string;
  /** SAM's `Globals.Function` (sam:sam-specification-template-anatomy-globals), evaluated. */
  globals: Record<string, unknown>;
}

// cfn:aws-properties-lambda-function-code ZipFile: the code is placed in a file named `index`; CommonJS unless it
// uses `export`, written with an explicit extension so the project's package.json "type" cannot change its meaning.
function inlineModule(id: string, code: string, context: CodeContext): string {
  return writeInlineCode(context.codeDir, `${id}/index.${/^\s*export\s/m.test(code) ? 'mjs' : 'cjs'}`, code);
}

/** The code directory of a function: CDK asset metadata, SAM's CodeUri, a packaged path, or inline code. */
function codeDirectory(resource: TemplateResource, property: (name: string) => unknown, context: CodeContext): { dir?: string; why?: string } {
  const base = dirname(context.templateFile);
  // cdk:aws-lambda: synthesized functions carry `aws:asset:path`, relative to the cloud assembly.
  const asset = resource.metadata['aws:asset:path'];
  if (typeof asset === 'string') return { dir: resolve(base, asset) };
  const inline = resource.type === 'AWS::Serverless::Function' ? property('InlineCode') : isObject(property('Code')) ? (property('Code') as Record<string, unknown>).ZipFile : undefined;
  if (typeof inline === 'string') return { dir: dirname(inlineModule(resource.id, inline, context)) };
  const code = resource.type === 'AWS::Serverless::Function' ? property('CodeUri') : property('Code');
  if (typeof code === 'string') {
    const path = resolve(base, code);
    if (!existsSync(path)) return { why: `its code ${path} does not exist (build it first)` };
    if (!statSync(path).isDirectory()) return { why: `its code ${path} is an archive, not a directory` };
    return { dir: path };
  }
  if (isObject(code)) return { why: `its code is in S3 (${JSON.stringify(code)}), not in the repository` };
  if (property('ImageUri') !== undefined || property('PackageType') === 'Image') return { why: 'it is a container image; Lambda@Edge runs .zip functions only' };
  return { why: 'it names no code location' };
}

/**
 * The `functions` entry of an AWS::Lambda::Function or AWS::Serverless::Function: handler module, runtime, memory
 * and timeout. Undefined, with a warning naming the resource and the `functions` key to add, when no code is found.
 */
export function lambdaCode(resource: TemplateResource, name: string, evaluator: Evaluator, context: CodeContext): LambdaCode | undefined {
  const property = (key: string) => evaluator.property(resource, key) ?? (resource.type === 'AWS::Serverless::Function' ? context.globals[key] : undefined);
  const fix = `add a "functions" entry keyed by "${name}" whose value is the handler module`;
  const loc = childLocation(resource.loc, 'Properties');
  const runtime = property('Runtime');
  if (typeof runtime === 'string' && !runtime.startsWith('nodejs')) {
    evaluator.warn(loc, `${resource.id}: runtime ${runtime} is not converted (edge-dev runs Node.js handlers): ${fix}.`);
    return undefined;
  }
  const { dir, why } = codeDirectory(resource, property, context);
  const handlerName = property('Handler');
  if (dir === undefined || typeof handlerName !== 'string') {
    evaluator.warn(loc, `${resource.id}: no local code, as ${why ?? 'it has no Handler'}: ${fix}.`);
    return undefined;
  }
  const handler = findHandlerModule(dir, handlerName);
  if (handler === undefined) {
    evaluator.warn(childLocation(loc, 'Handler'), `${resource.id}: Handler "${handlerName}" names no module (.js, .mjs, .cjs or .ts) in ${dir}: build the function first or ${fix}.`);
    return undefined;
  }
  const code: LambdaCode = { handler };
  if (typeof runtime === 'string') code.runtime = runtime;
  const memorySize = Number(property('MemorySize'));
  if (Number.isFinite(memorySize) && memorySize > 0) code.memorySize = memorySize;
  const timeout = Number(property('Timeout'));
  if (Number.isFinite(timeout) && timeout > 0) code.timeout = timeout;
  return code;
}
