import { isObject } from '../../config/index.js';
import { convertTemplate } from '../cloudformation/convert-template.js';
import { SourceDocument } from '../shared/source-document.js';
import type { ImportOptions, SourceConfig } from '../types.js';
import { applyLambdaAtEdge } from './lambda-at-edge-plugin.js';
import { compileTemplate, type ServerlessService } from './serverless-template.js';
import { VariableResolver } from './variables.js';

/** The parts of serverless.yml the conversion reads, with `${...}` variables resolved. */
function readService(doc: SourceDocument, options: ImportOptions, warnings: string[]): ServerlessService {
  // `--stack` names the stage too (types.ts); `--var stage=...` is `--stage`.
  const variables = { ...(options.stack === undefined ? {} : { stage: options.stack }), ...(options.variables ?? {}) };
  let stage: string | undefined;
  const stageOf = (): string => (stage ??= String(variables.stage ?? resolver.self('provider.stage', doc.at('provider', 'stage')) ?? 'dev'));
  const resolver: VariableResolver = new VariableResolver(doc, {
    variables,
    env: process.env,
    stage: stageOf,
    warn: (loc, message) => warnings.push(doc.warning(loc, message)),
  });
  const value = doc.value as Record<string, unknown>;
  const service = resolver.resolve(isObject(value.service) ? value.service.name : value.service, doc.at('service'));
  if (typeof service !== 'string') throw doc.unreadable(doc.at('service'), 'has no service name: add `service: NAME`.');
  const provider = resolver.resolve(value.provider ?? {}, doc.at('provider'));
  const functions = resolver.resolve(value.functions ?? {}, doc.at('functions'));
  const resources = resolver.resolve(value.resources ?? {}, doc.at('resources'));
  if (!isObject(provider) || !isObject(functions) || !isObject(resources)) throw doc.unreadable(doc.root, 'provider, functions and resources must be maps.');
  for (const [key, fn] of Object.entries(functions)) if (!isObject(fn)) throw doc.unreadable(doc.at('functions', key), `${key} must be a map with a handler.`);
  const stageName = stageOf();
  return { service, stage: stageName, provider, functions: functions as ServerlessService['functions'], resources };
}

/**
 * serverless.yml (sls:serverless.yml reference) to the configuration: the distribution the Framework generates from
 * `cloudFront` events, or the one in `resources.Resources` that `lambdaAtEdge` (@silvermine's plugin) associates
 * functions with, converted as the CloudFormation template the Framework would deploy; handlers (`file.export`)
 * are found beside serverless.yml.
 */
export function convertServerless(doc: SourceDocument, options: ImportOptions, warnings: string[]): SourceConfig {
  const service = readService(doc, options, warnings);
  const { template, origins } = compileTemplate(service, doc);
  applyLambdaAtEdge(service, template.Resources, doc);
  const lines = new Map<string, number>();
  for (const [generated, written] of origins) {
    const line = doc.lineOf(written);
    if (line !== undefined) lines.set(generated, line);
  }
  for (const [generated, written] of origins.filter(([g]) => !g.includes('.Properties'))) {
    // Inside the user's own resources, every path keeps its line.
    if (!written.startsWith('resources.')) continue;
    for (const [path, line] of doc.linesUnder(written)) lines.set(generated + path.slice(written.length), line);
  }
  const compiled = new SourceDocument(doc.file, template, lines);
  return convertTemplate(compiled, { ...options, stack: undefined }, warnings, { stackName: `${service.service}-${service.stage}` });
}
