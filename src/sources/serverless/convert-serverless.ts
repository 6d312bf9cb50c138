import { isObject, type JsonLocation } from '../../config/index.js';
import { convertTemplate } from '../cloudformation/convert-template.js';
import { SourceDocument } from '../shared/source-document.js';
import type { ImportOptions, SourceConfig } from '../types.js';
import { applyLambdaAtEdge } from './lambda-at-edge-plugin.js';
import { applyPreExistingCloudFront } from './pre-existing-cloudfront.js';
import { compileTemplate, type ServerlessService } from './serverless-template.js';
import { VariableResolver } from './variables.js';

/**
 * The compiled template as a document whose messages point into serverless.yml: a generated path is reported as the
 * serverless.yml path it came from (the longest match), with that line.
 */
class CompiledDocument extends SourceDocument {
  constructor(
    private readonly written: SourceDocument,
    value: unknown,
    private readonly origins: [generated: string, written: string][],
  ) {
    super(written.file, value);
  }

  override where(loc: JsonLocation): string {
    let best: [string, string] | undefined;
    for (const pair of this.origins) {
      const [generated] = pair;
      const under = loc.path === generated || loc.path.startsWith(`${generated}.`) || loc.path.startsWith(`${generated}[`);
      if (under && generated.length > (best?.[0].length ?? -1)) best = pair;
    }
    // Inside the user's own resources every path has its own line; a generated resource reports what it came from.
    const path = best === undefined ? '' : best[1].startsWith('resources.') ? best[1] + loc.path.slice(best[0].length) : best[1];
    return this.written.where({ file: loc.file, path });
  }
}

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
  const custom = isObject(value.custom) ? value.custom : {};
  const preExisting = resolver.resolve(custom.lambdaEdgePreExistingCloudFront ?? {}, doc.at('custom', 'lambdaEdgePreExistingCloudFront'));
  if (!isObject(provider) || !isObject(functions) || !isObject(resources) || !isObject(preExisting)) {
    throw doc.unreadable(doc.root, 'provider, functions, resources and custom.lambdaEdgePreExistingCloudFront must be maps.');
  }
  for (const [key, fn] of Object.entries(functions)) if (!isObject(fn)) throw doc.unreadable(doc.at('functions', key), `${key} must be a map with a handler.`);
  const stageName = stageOf();
  return { service, stage: stageName, provider, functions: functions as ServerlessService['functions'], resources, lambdaEdgePreExistingCloudFront: preExisting };
}

/**
 * serverless.yml (sls:serverless.yml reference) to the configuration: the distribution the Framework generates from
 * `cloudFront` events, the one in `resources.Resources` that `lambdaAtEdge` (@silvermine's plugin) associates
 * functions with, or the exported config of the pre-existing one that `preExistingCloudFront` events update, converted
 * as the CloudFormation template the Framework would deploy; handlers (`file.export`) are found beside serverless.yml.
 * Every file read is added to `files`.
 */
export function convertServerless(doc: SourceDocument, options: ImportOptions, warnings: string[], files: string[]): SourceConfig {
  const service = readService(doc, options, warnings);
  const template = compileTemplate(service, doc);
  applyLambdaAtEdge(service, template.template.Resources, doc);
  const exported = applyPreExistingCloudFront(service, template, doc, options, warnings);
  if (exported !== undefined) files.push(exported);
  const compiled = new CompiledDocument(doc, template.template, template.origins);
  return convertTemplate(compiled, { ...options, stack: undefined }, warnings, { stackName: `${service.service}-${service.stage}` });
}
