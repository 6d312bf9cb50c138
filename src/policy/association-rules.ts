/**
 * §10.1 / §9: rules on the distribution's associations (ARN form, event types, IncludeBody, CFF overlap).
 */
import { LAMBDA_EVENT_TYPES } from '../event/types.js';
import { parseLambdaArn } from './arn.js';
import type { AssociationRef, BehaviorRef, Finding } from './types.js';

function finding(a: AssociationRef, file: string, rest: Omit<Finding, 'input' | 'file' | 'statement' | 'function'>): Finding {
  return { ...rest, input: 'config', file, statement: a.path, function: a.arn };
}

/** §10.1: us-east-1, numbered version (not $LATEST, alias or unqualified, §10.5), a Lambda function ARN. */
export function checkAssociationArn(a: AssociationRef, file: string, accountId?: string): Finding[] {
  const parsed = parseLambdaArn(a.arn);
  if (!parsed) {
    return [
      finding(a, file, {
        severity: 'error',
        code: 'ASSOCIATION_ARN_INVALID',
        message: `LambdaFunctionARN ${JSON.stringify(a.arn)} is not a Lambda function version ARN`,
        fix: 'Use arn:aws:lambda:us-east-1:<account>:function:<name>:<version>.',
        reference: '§10.1',
      }),
    ];
  }
  const out: Finding[] = [];
  if (parsed.region !== 'us-east-1') {
    out.push(
      finding(a, file, {
        severity: 'error',
        code: 'ASSOCIATION_REGION',
        message: `the function is in ${parsed.region}; Lambda@Edge functions must be in us-east-1`,
        awsMessage: `The function must be in region 'us-east-1'. ARN: ${a.arn}`,
        fix: 'Create the function in us-east-1 (N. Virginia) and associate a version of it.',
        reference: '§10.1',
      }),
    );
  }
  if (parsed.qualifierKind !== 'version') {
    const what = { none: 'an unqualified ARN', latest: '$LATEST', alias: `the alias "${parsed.qualifier}"` }[parsed.qualifierKind];
    out.push(
      finding(a, file, {
        severity: 'error',
        code: 'ASSOCIATION_NOT_VERSIONED',
        message: `the association uses ${what}; CloudFront needs a numbered version`,
        awsMessage: `The function ARN must reference a specific function version. (The ARN must end with the version number.) ARN: ${a.arn}`,
        fix: `Publish a version (aws lambda publish-version --function-name ${parsed.name}) and associate ${parsed.unqualified}:<version>.`,
        reference: '§10.5',
      }),
    );
  }
  if (accountId && parsed.account !== accountId) {
    out.push(
      finding(a, file, {
        severity: 'error',
        code: 'ASSOCIATION_ACCOUNT_MISMATCH',
        message: `the function is in account ${parsed.account}, the distribution in ${accountId}`,
        fix: 'Deploy the function in the distribution\'s account.',
        reference: '§10.1',
      }),
    );
  }
  return out;
}

/** §10.1 (api:LambdaFunctionAssociation): EventType is one of the four; IncludeBody only on request events. */
export function checkAssociationEvent(a: AssociationRef, file: string): Finding[] {
  if (!(LAMBDA_EVENT_TYPES as readonly string[]).includes(a.eventType)) {
    return [
      finding(a, file, {
        severity: 'error',
        code: 'ASSOCIATION_EVENT_TYPE_INVALID',
        message: `EventType ${JSON.stringify(a.eventType)} is not one of ${LAMBDA_EVENT_TYPES.join(', ')}`,
        fix: 'Set EventType to viewer-request, origin-request, origin-response or viewer-response.',
        reference: '§10.1',
      }),
    ];
  }
  if (a.includeBody && a.eventType !== 'viewer-request' && a.eventType !== 'origin-request') {
    return [
      finding(a, file, {
        severity: 'error',
        code: 'ASSOCIATION_INCLUDE_BODY',
        message: `IncludeBody is set on a ${a.eventType} association; only viewer-request and origin-request can include the body`,
        fix: 'Remove IncludeBody (or set it to false) on this association.',
        reference: '§10.1',
      }),
    ];
  }
  return [];
}

/** §10.1 / §9: one association per event type; no CFF and L@E on the same viewer event; no Smooth Streaming. */
export function checkBehaviorAssociations(b: BehaviorRef, file: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, AssociationRef>();
  for (const a of b.lambda) {
    const first = seen.get(a.eventType);
    if (first) {
      out.push(
        finding(a, file, {
          severity: 'error',
          code: 'ASSOCIATION_DUPLICATE_EVENT_TYPE',
          message: `behavior "${b.pathPattern}" has two ${a.eventType} associations (${first.path} and ${a.path})`,
          awsMessage: 'TooManyLambdaFunctionAssociations',
          fix: 'Keep one Lambda@Edge function per event type per behavior.',
          reference: '§10.1',
        }),
      );
    } else seen.set(a.eventType, a);
  }
  for (const eventType of ['viewer-request', 'viewer-response']) {
    const a = seen.get(eventType);
    if (a && b.functions.some((f) => f.eventType === eventType)) {
      out.push(
        finding(a, file, {
          severity: 'error',
          code: 'ASSOCIATION_CFF_AND_LAMBDA',
          message: `behavior "${b.pathPattern}" has both a CloudFront Function and a Lambda@Edge function on ${eventType}`,
          fix: 'Move one of them: CloudFront Functions on viewer events with Lambda@Edge on origin events is allowed.',
          reference: '§9',
        }),
      );
    }
  }
  if (b.smoothStreaming && b.lambda.length > 0) {
    out.push(
      finding(b.lambda[0]!, file, {
        severity: 'error',
        code: 'ASSOCIATION_SMOOTH_STREAMING',
        message: `behavior "${b.pathPattern}" uses Smooth Streaming, which cannot have edge functions`,
        fix: 'Set SmoothStreaming to false or remove the associations.',
        reference: '§10.1',
      }),
    );
  }
  return out;
}
