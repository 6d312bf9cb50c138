import { LAMBDA_EVENT_TYPES, type LambdaEventType, type ViewerEventType } from '../event/types.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, listItems, oneOf, optionalBoolean, requiredString, type JsonObject } from './read-fields.js';

/** A Lambda association before its function is resolved. */
export interface AssociationDraft {
  eventType: LambdaEventType;
  arn: string;
  includeBody: boolean;
  loc: JsonLocation;
}

/**
 * §2.1 / §10.1 (api:LambdaFunctionAssociations): at most one association per event type;
 * `IncludeBody` only on viewer-request and origin-request.
 */
export function compileLambdaAssociations(behavior: JsonObject, loc: JsonLocation, diagnostics: Diagnostics): AssociationDraft[] {
  const seen = new Map<LambdaEventType, JsonLocation>();
  return listItems(behavior, 'LambdaFunctionAssociations', loc, diagnostics).map((item) => {
    const association = expectObject(item.value, item.loc);
    checkUnknownKeys(association, ['LambdaFunctionARN', 'EventType', 'IncludeBody'], item.loc, diagnostics);
    const arn = requiredString(association, 'LambdaFunctionARN', item.loc, 'a versioned function ARN');
    const eventType = oneOf(association, 'EventType', item.loc, LAMBDA_EVENT_TYPES);
    if (eventType === undefined) fail(childLocation(item.loc, 'EventType'), `is required: use one of ${LAMBDA_EVENT_TYPES.join(', ')}.`);
    const earlier = seen.get(eventType);
    if (earlier) {
      fail(childLocation(item.loc, 'EventType'), `a second ${eventType} association; a behavior has at most one per event type (already at ${earlier.path}). Remove one.`);
    }
    seen.set(eventType, item.loc);
    const includeBody = optionalBoolean(association, 'IncludeBody', item.loc) ?? false;
    if (includeBody && eventType !== 'viewer-request' && eventType !== 'origin-request') {
      fail(childLocation(item.loc, 'IncludeBody'), `is only allowed on viewer-request and origin-request, not ${eventType}; remove it.`);
    }
    return { eventType, arn, includeBody, loc: item.loc };
  });
}

/** A CloudFront Function association before its function is resolved. */
export interface FunctionAssociationDraft {
  eventType: ViewerEventType;
  arn: string;
  loc: JsonLocation;
}

/**
 * §9: CloudFront Functions only on viewer events, one per event type, never on the same viewer event as a
 * Lambda@Edge function (dg:edge-function-restrictions-all).
 */
export function compileFunctionAssociations(
  behavior: JsonObject,
  lambda: readonly AssociationDraft[],
  loc: JsonLocation,
  diagnostics: Diagnostics,
): FunctionAssociationDraft[] {
  const seen = new Set<string>();
  return listItems(behavior, 'FunctionAssociations', loc, diagnostics).map((item) => {
    const association = expectObject(item.value, item.loc);
    checkUnknownKeys(association, ['FunctionARN', 'EventType'], item.loc, diagnostics);
    const arn = requiredString(association, 'FunctionARN', item.loc, 'a CloudFront Function ARN, arn:aws:cloudfront::ACCOUNT:function/NAME');
    const eventType = oneOf(association, 'EventType', item.loc, LAMBDA_EVENT_TYPES);
    const typeLoc = childLocation(item.loc, 'EventType');
    if (eventType !== 'viewer-request' && eventType !== 'viewer-response') {
      fail(typeLoc, `CloudFront Functions run on viewer-request or viewer-response only, not ${String(eventType)} (reference §9).`);
    }
    if (seen.has(eventType)) fail(typeLoc, `a second CloudFront Function on ${eventType}; a behavior has at most one per event type.`);
    seen.add(eventType);
    const clash = lambda.find((association) => association.eventType === eventType);
    if (clash) {
      fail(typeLoc, `a CloudFront Function and a Lambda@Edge function (${clash.loc.path}) cannot both be on ${eventType} of one behavior (reference §9); move one to another event type.`);
    }
    return { eventType, arn, loc: item.loc };
  });
}
