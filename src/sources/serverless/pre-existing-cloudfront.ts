import { basename } from 'node:path';
import { childLocation, isObject, type JsonLocation } from '../../config/index.js';
import { behaviorsOf } from '../shared/behaviors.js';
import type { SourceDocument } from '../shared/source-document.js';
import type { ImportOptions } from '../types.js';
import { readExportedDistribution } from './exported-distribution.js';
import { versionLogicalId, type CompiledTemplate, type ServerlessService } from './serverless-template.js';

/** One `events[].preExistingCloudFront` of a function, checked. */
interface PreExistingEvent {
  key: string;
  where: JsonLocation;
  distributionId: string;
  eventType: string;
  pathPattern: string;
  includeBody?: boolean;
}

function readEvent(key: string, index: number, event: Record<string, unknown>, doc: SourceDocument): PreExistingEvent {
  const where = doc.at('functions', key, 'events', index, 'preExistingCloudFront');
  const id = event.distributionId;
  if (isObject(id)) {
    throw doc.noDistribution(childLocation(where, 'distributionId'), `${key}: distributionId ${JSON.stringify(id)} is resolved from CloudFormation exports at deploy: write the distribution's Id, or \${opt:distributionId} and give --var distributionId=ID.`);
  }
  if (typeof id !== 'string' || id.includes('${')) {
    throw doc.noDistribution(where, `${key}: preExistingCloudFront needs distributionId, the Id of the distribution${typeof id === 'string' ? `; ${id} is resolved at deploy: write the Id, or give the variable a default (, 'ID')` : ''}.`);
  }
  // The plugin's schema requires eventType and pathPattern ('*' is the default behavior).
  if (typeof event.eventType !== 'string' || typeof event.pathPattern !== 'string') {
    throw doc.noDistribution(where, `${key}: preExistingCloudFront needs eventType (viewer-request, origin-request, origin-response or viewer-response) and pathPattern ('*' for the default behavior).`);
  }
  const read: PreExistingEvent = { key, where, distributionId: id, eventType: event.eventType, pathPattern: event.pathPattern };
  if (typeof event.includeBody === 'boolean') read.includeBody = event.includeBody;
  return read;
}

/**
 * The events the plugin applies at this stage (its checkAllowedDeployStage and the event's own `stage`); the others
 * are left out with a warning naming the stage that would apply them.
 */
function eventsAtStage(service: ServerlessService, doc: SourceDocument, warnings: string[]): PreExistingEvent[] {
  const validStages = service.lambdaEdgePreExistingCloudFront.validStages;
  const stageAllowed = !Array.isArray(validStages) || validStages.map(String).includes(service.stage);
  const events: PreExistingEvent[] = [];
  for (const [key, fn] of Object.entries(service.functions)) {
    (Array.isArray(fn.events) ? fn.events : []).forEach((event, index) => {
      if (!isObject(event) || !isObject(event.preExistingCloudFront)) return;
      const read = readEvent(key, index, event.preExistingCloudFront, doc);
      const stage = event.preExistingCloudFront.stage;
      if (!stageAllowed) {
        warnings.push(doc.warning(read.where, `${key}: stage ${service.stage} is not in custom.lambdaEdgePreExistingCloudFront.validStages, so the plugin associates nothing: give another stage with --stack STAGE (or --var stage=STAGE).`));
      } else if (stage !== undefined && String(stage) !== service.stage) {
        warnings.push(doc.warning(read.where, `${key}: this event is for stage ${String(stage)}, not ${service.stage}, so it is not associated: give --stack ${String(stage)} (or --var stage=${String(stage)}) to convert that stage.`));
      } else {
        events.push(read);
      }
    });
  }
  return events;
}

/** The distribution to convert: `--distribution`, else the only one the events name; undefined when none is theirs. */
function chosenDistributionId(events: PreExistingEvent[], options: ImportOptions, resources: Record<string, unknown>, doc: SourceDocument): string | undefined {
  const ids = [...new Set(events.map((event) => event.distributionId))];
  if (ids.length === 0) return undefined;
  if (options.distribution !== undefined) {
    if (ids.includes(options.distribution)) return options.distribution;
    // Another distribution of the service (its own resources or cloudFront events) may be the one chosen.
    if (options.distribution in resources) return undefined;
    throw doc.noDistribution(doc.at('functions'), `--distribution ${options.distribution}: no preExistingCloudFront event names it; they name ${ids.join(', ')}.`);
  }
  if (ids.length > 1) throw doc.noDistribution(doc.at('functions'), `the preExistingCloudFront events name ${ids.length} distributions (${ids.join(', ')}): choose one with --distribution ID.`);
  return ids[0];
}

// The plugin's associateNonDefaultCacheBehaviors: '*' is the DefaultCacheBehavior, which has no PathPattern.
function behaviorFor(config: Record<string, unknown>, pathPattern: string): Record<string, unknown> | undefined {
  return pathPattern === '*' ? (config.DefaultCacheBehavior as Record<string, unknown>) : behaviorsOf(config).find((behavior) => behavior.PathPattern === pathPattern);
}

function pathPatterns(config: Record<string, unknown>): string {
  return behaviorsOf(config).map((behavior) => (behavior.PathPattern === undefined ? "'*' (the default behavior)" : String(behavior.PathPattern))).join(', ');
}

/**
 * The plugin's associateFunction: the behavior's association of the same EventType is replaced by the function's
 * version, with IncludeBody as the event gives it.
 */
function associate(behavior: Record<string, unknown>, event: PreExistingEvent): void {
  const list = behavior.LambdaFunctionAssociations;
  const kept = (isObject(list) && Array.isArray(list.Items) ? list.Items : []).filter((item) => !isObject(item) || item.EventType !== event.eventType);
  const association: Record<string, unknown> = { LambdaFunctionARN: { Ref: versionLogicalId(event.key) }, EventType: event.eventType };
  if (event.includeBody !== undefined) association.IncludeBody = event.includeBody;
  const items = [...kept, association];
  behavior.LambdaFunctionAssociations = { Quantity: items.length, Items: items };
}

/**
 * serverless-lambda-edge-pre-existing-cloudfront (its index.js): `events[].preExistingCloudFront` associates the
 * function's latest version (1 on a first deploy) with a distribution made elsewhere, through the CloudFront API at
 * deploy. The distribution is read from its exported config (exported-distribution.ts), the associations are made as
 * the plugin makes them, and the result joins the compiled template under the distribution's Id, so `--distribution
 * ID` chooses it. Returns the file read.
 */
export function applyPreExistingCloudFront(
  service: ServerlessService,
  compiled: CompiledTemplate,
  doc: SourceDocument,
  options: ImportOptions,
  warnings: string[],
): string | undefined {
  const events = eventsAtStage(service, doc, warnings);
  const id = chosenDistributionId(events, options, compiled.template.Resources, doc);
  if (id === undefined) return undefined;
  const mine = events.filter((event) => event.distributionId === id);
  const { file, config } = readExportedDistribution(doc, mine[0]!.where, id);
  for (const event of mine) {
    const behavior = behaviorFor(config, event.pathPattern);
    if (!behavior) {
      throw doc.noDistribution(childLocation(event.where, 'pathPattern'), `${event.key}: distribution ${id} (${basename(file)}) has no cache behavior with PathPattern "${event.pathPattern}"; it has ${pathPatterns(config)}: fix pathPattern, or export the config again if the behavior is new.`);
    }
    associate(behavior, event);
  }
  compiled.template.Resources[id] = { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: config } };
  compiled.origins.push([`Resources.${id}`, mine[0]!.where.path]);
  return file;
}
