import type { LambdaEventType } from '../event/types.js';
import type { FunctionSpec } from '../runtime/types.js';
import type { EdgeSettings } from './types.js';
import type { FunctionEntry } from './compile-function-entry.js';
import { warn, type Diagnostics, type JsonLocation } from './json-location.js';
import { isNumberedVersion, parseLambdaArn } from './lambda-arn.js';

const PLACEHOLDER_ACCOUNT = '123456789012';

function isViewerEvent(type: LambdaEventType): boolean {
  return type === 'viewer-request' || type === 'viewer-response';
}

/**
 * §4 (D28, D50): the timeout default follows the strictest event type the function is associated with:
 * 5 s when any association is a viewer event (or there is none), else 30 s.
 */
export function defaultTimeout(eventTypes: ReadonlySet<LambdaEventType>): number {
  if (eventTypes.size === 0) return 5;
  for (const type of eventTypes) if (isViewerEvent(type)) return 5;
  return 30;
}

/** A FunctionSpec for an association ARN (or a `functions` key) and its local entry. */
export function buildFunctionSpec(
  arn: string,
  entry: FunctionEntry,
  eventTypes: ReadonlySet<LambdaEventType>,
  settings: EdgeSettings,
): FunctionSpec {
  const parsed = parseLambdaArn(arn);
  const name = parsed?.name ?? arn;
  const version = isNumberedVersion(parsed?.qualifier) ? parsed!.qualifier! : '$LATEST';
  const spec: FunctionSpec = {
    name,
    version,
    arn: parsed ? arn : `arn:aws:lambda:us-east-1:${PLACEHOLDER_ACCOUNT}:function:${name}:$LATEST`,
    modulePath: entry.modulePath,
    exportName: entry.exportName,
    runtime: entry.runtime,
    memorySize: entry.memorySize,
    timeout: entry.timeout ?? defaultTimeout(eventTypes),
    region: settings.region,
  };
  if (entry.concurrency !== undefined) spec.concurrency = entry.concurrency;
  if (entry.environment !== undefined) spec.environment = entry.environment;
  return Object.freeze(spec);
}

/**
 * §10.1 / §10.5: what CloudFront rejects only at deploy time is a warning that points at `edge-dev check`:
 * an ARN that is not a numbered version, or a function outside us-east-1.
 */
export function checkAssociationArn(arn: string, loc: JsonLocation, diagnostics: Diagnostics): void {
  const parsed = parseLambdaArn(arn);
  if (!parsed) {
    warn(diagnostics, loc, `"${arn}" is not a Lambda function ARN; CloudFront needs a versioned ARN like arn:aws:lambda:us-east-1:123456789012:function:${arn}:1 (run \`edge-dev check\`).`);
    return;
  }
  if (!isNumberedVersion(parsed.qualifier)) {
    const what = parsed.qualifier === undefined ? 'an unqualified ARN' : parsed.qualifier === '$LATEST' ? '$LATEST' : `the alias "${parsed.qualifier}"`;
    warn(diagnostics, loc, `uses ${what}; CloudFront requires a numbered function version (ARN ending in ":<version>"). It runs locally as $LATEST; run \`edge-dev check\` before deploying.`);
  }
  if (parsed.region !== 'us-east-1') {
    warn(diagnostics, loc, `the function is in ${parsed.region}; Lambda@Edge functions must be in us-east-1 (run \`edge-dev check\`).`);
  }
}

/** D28: limits CloudFront checks at deploy time, repeated as warnings so they show up during development too. */
export function checkFunctionLimits(spec: FunctionSpec, eventTypes: ReadonlySet<LambdaEventType>, loc: JsonLocation, diagnostics: Diagnostics): void {
  const viewer = [...eventTypes].some(isViewerEvent) || eventTypes.size === 0;
  if (spec.timeout > 30) warn(diagnostics, loc, `timeout ${spec.timeout} s is above Lambda@Edge's 30 s limit (reference §4); run \`edge-dev check\`.`);
  else if (viewer && spec.timeout > 5) warn(diagnostics, loc, `timeout ${spec.timeout} s is above the 5 s viewer-event limit (reference §4, D28); run \`edge-dev check\`.`);
  if (viewer && spec.memorySize > 128) warn(diagnostics, loc, `memorySize ${spec.memorySize} MB is above the 128 MB viewer-event limit (reference §4, D28); run \`edge-dev check\`.`);
}
