/**
 * §9: CloudFront Function rules of the pre-deploy check: the distribution's `FunctionAssociations` (ARN form, viewer
 * events only, one per event type per behavior) and the config's CloudFront Function entries (runtime, 10 KB code,
 * one key value store, and a store only on cloudfront-js-2.0). The CFF/L@E overlap rule is in association-rules.ts.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cloudFrontFunctionName, isCloudFrontFunctionEntry, MAX_FUNCTION_CODE_BYTES } from '../config/index.js';
import { FUNCTION_RUNTIMES } from '../functions/index.js';
import type { BehaviorRef, Finding, FunctionAssociationRef } from './types.js';

const VIEWER_EVENTS = ['viewer-request', 'viewer-response'];

function finding(file: string, statement: string, fn: string, rest: Omit<Finding, 'input' | 'file' | 'statement' | 'function'>): Finding {
  return { ...rest, input: 'config', file, statement, function: fn };
}

/** The check's ids of the CloudFront Functions: associated ARNs, then config entries no association names. */
export function cloudFrontFunctionIds(behaviors: readonly BehaviorRef[], configFunctions: Readonly<Record<string, unknown>>): string[] {
  const ids = [...new Set(behaviors.flatMap((b) => b.functions.map((f) => f.arn)))];
  const names = new Set(ids.map((arn) => cloudFrontFunctionName(arn) ?? arn));
  for (const key of cloudFrontFunctionKeys(behaviors, configFunctions)) {
    if (!ids.includes(key) && !names.has(key)) ids.push(key);
  }
  return ids;
}

/** The `functions` keys that are CloudFront Functions (so the Lambda@Edge rules leave them alone). */
export function cloudFrontFunctionKeys(behaviors: readonly BehaviorRef[], configFunctions: Readonly<Record<string, unknown>>): string[] {
  const associated = new Set(behaviors.flatMap((b) => b.functions.map((f) => cloudFrontFunctionName(f.arn) ?? f.arn)));
  return Object.keys(configFunctions).filter((key) => isCloudFrontFunctionEntry(key, configFunctions[key], associated));
}

function checkAssociation(f: FunctionAssociationRef, file: string): Finding[] {
  const out: Finding[] = [];
  if (cloudFrontFunctionName(f.arn) === undefined) {
    out.push(finding(file, f.path, f.arn, {
      severity: 'error',
      code: 'CFF_ARN_INVALID',
      message: `FunctionARN ${JSON.stringify(f.arn)} is not a CloudFront Function ARN`,
      fix: 'Use arn:aws:cloudfront::<account>:function/<name> (a CloudFront Function, not a Lambda function).',
      reference: '§9',
    }));
  }
  // api:FunctionAssociation lists origin events too, but CloudFront Functions run on viewer events only.
  if (!VIEWER_EVENTS.includes(f.eventType)) {
    out.push(finding(file, f.path, f.arn, {
      severity: 'error',
      code: 'CFF_EVENT_TYPE',
      message: `EventType ${JSON.stringify(f.eventType)}: CloudFront Functions run only on viewer-request and viewer-response`,
      fix: 'Associate it with viewer-request or viewer-response, or use a Lambda@Edge function for origin events.',
      reference: '§9',
    }));
  }
  return out;
}

/** §9: ARN form, viewer events only, and one function per event type on each behavior. */
export function checkCloudFrontFunctionAssociations(b: BehaviorRef, file: string): Finding[] {
  const out = b.functions.flatMap((f) => checkAssociation(f, file));
  const seen = new Map<string, FunctionAssociationRef>();
  for (const f of b.functions) {
    const first = seen.get(f.eventType);
    if (!first) {
      seen.set(f.eventType, f);
      continue;
    }
    out.push(finding(file, f.path, f.arn, {
      severity: 'error',
      code: 'CFF_DUPLICATE_EVENT_TYPE',
      message: `behavior "${b.pathPattern}" has two CloudFront Functions on ${f.eventType} (${first.path} and ${f.path})`,
      fix: 'Keep one CloudFront Function per event type per behavior.',
      reference: '§9',
    }));
  }
  return out;
}

/** The id findings on the entry `key` carry: the associated ARN naming it, else the key. */
export function cloudFrontFunctionIdOf(key: string, ids: readonly string[]): string {
  return ids.find((id) => id === key || cloudFrontFunctionName(id) === key) ?? key;
}

/** §9: one `functions` entry (of `configFile`, code paths relative to it): runtime, code size (dg:cloudfront-limits), one store, a store only on 2.0. */
export function checkCloudFrontFunctionEntry(key: string, value: unknown, id: string, configFile: string): Finding[] {
  const statement = `functions[${JSON.stringify(key)}]`;
  const entry: Record<string, unknown> = typeof value === 'string' ? { code: value } : typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const out: Finding[] = [];
  const runtime = entry.runtime ?? 'cloudfront-js-2.0';
  if (!(FUNCTION_RUNTIMES as readonly unknown[]).includes(runtime)) {
    out.push(finding(configFile, `${statement}.runtime`, id, {
      severity: 'error',
      code: 'CFF_RUNTIME',
      message: `runtime ${JSON.stringify(runtime)} is not a CloudFront Functions runtime`,
      fix: `Use ${FUNCTION_RUNTIMES.join(' or ')}.`,
      reference: '§9',
    }));
  }
  const stores = Array.isArray(entry.keyValueStore) ? entry.keyValueStore : entry.keyValueStore === undefined ? [] : [entry.keyValueStore];
  if (stores.length > 1) {
    out.push(finding(configFile, `${statement}.keyValueStore`, id, {
      severity: 'error',
      code: 'CFF_KVS_COUNT',
      message: `${stores.length} key value stores; a CloudFront Function can be associated with one`,
      fix: 'Merge the stores into one (keys can carry a prefix).',
      reference: '§9',
    }));
  }
  if (stores.length > 0 && runtime === 'cloudfront-js-1.0') {
    out.push(finding(configFile, `${statement}.keyValueStore`, id, {
      severity: 'error',
      code: 'CFF_KVS_RUNTIME',
      message: 'a key value store needs the cloudfront-js-2.0 runtime; cloudfront-js-1.0 cannot read one',
      fix: 'Set "runtime": "cloudfront-js-2.0".',
      reference: '§9',
    }));
  }
  if (typeof entry.code === 'string') {
    const path = resolve(dirname(configFile), entry.code);
    let size: number | undefined;
    try {
      size = statSync(path).size;
    } catch {
      // A missing file is the config loader's error (serve, invoke); the check reads only what is there.
    }
    if (size !== undefined && size > MAX_FUNCTION_CODE_BYTES) {
      out.push(finding(configFile, `${statement}.code`, id, {
        severity: 'error',
        code: 'CFF_CODE_SIZE',
        message: `${entry.code} is ${size} bytes; a CloudFront Function's code may be at most ${MAX_FUNCTION_CODE_BYTES} bytes (10 KB)`,
        fix: 'Make the code smaller; move data into a key value store.',
        reference: '§9',
      }));
    }
  }
  return out;
}
