import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from '../event/index.js';
import type { CfEvent } from '../event/index.js';
import type { FunctionEvent } from '../functions/index.js';
import { loadConfig } from '../config/index.js';
import { discardSpareEnvironments } from '../runtime/index.js';
import type { FunctionSpec } from '../runtime/index.js';
import { invoke, closeSharedRuntime } from '../testing/index.js';
import { reportFatal } from './cli-errors.js';
import type { InvokeFlags } from './invoke-command.js';
import { isFunctionEvent, runInvokeFunction } from './run-invoke-function.js';

/** `edge-dev invoke`: one invocation through the execution environment and the validator, then exit. */
export async function runInvoke(name: string, flags: InvokeFlags): Promise<void> {
  // One invocation: no thread is started ahead of a next cold start that will not come.
  void discardSpareEnvironments();
  try {
    const event = readEvent(flags.event, flags.eventType);
    // interface.md › CloudFront Functions: a `version: "1.0"` event runs a CloudFront Function.
    if (isFunctionEvent(event)) return await runInvokeFunction(name, event, flags);
    const handler = await resolveFunction(name, flags.config);
    const result = await invoke(handler, event);
    for (const line of result.logs) process.stderr.write(`${line}\n`);
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (result.ok) {
      process.stdout.write(`${JSON.stringify(result.raw, null, 2)}\n`);
    } else {
      const error = result.error!;
      process.stderr.write(`${error.kind} (CloudFront answers ${error.status}): ${error.message}\n`);
      if (error.detail) process.stderr.write(`  ${error.detail}\n`);
      process.exitCode = 1;
    }
  } catch (error) {
    reportFatal(error);
  } finally {
    await closeSharedRuntime();
  }
}

const EVENT_TYPES = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'];

function readEvent(file: string, eventType?: string): CfEvent | FunctionEvent {
  const label = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    throw new ConfigError(label, '', 'cannot read the event file: check the path (make one with `edge-dev event viewer-request > event.json`)');
  }
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(label, '', `not valid JSON (${(error as Error).message})`);
  }
  if (isFunctionEvent(event)) return event;
  const shape = event as { Records?: { cf?: { config?: { eventType?: string } } }[]; httpMethod?: unknown; requestContext?: unknown; routeKey?: unknown };
  const cf = shape?.Records?.[0]?.cf;
  if (cf === undefined) {
    // AWS's console sample events for API Gateway and Lambda function URLs are the usual wrong file.
    const looksLike = shape?.httpMethod !== undefined || shape?.routeKey !== undefined || shape?.requestContext !== undefined ? 'an API Gateway or function URL event' : 'not a CloudFront event';
    throw new ConfigError(label, 'Records[0].cf', `${looksLike}: Lambda@Edge handlers get { "Records": [{ "cf": { "config": {...}, "request": {...} } }] }; make one with \`edge-dev event viewer-request > event.json\``);
  }
  if (eventType !== undefined) {
    if (!EVENT_TYPES.includes(eventType)) throw new ConfigError('--event-type', '', `expected one of ${EVENT_TYPES.join(', ')}, got "${eventType}"`);
    cf.config = { ...cf.config, eventType };
  }
  if (!cf.config?.eventType) {
    throw new ConfigError(label, 'Records[0].cf.config.eventType', 'missing: name the trigger with --event-type viewer-request|origin-request|origin-response|viewer-response');
  }
  return event as CfEvent;
}

/** A name from the config's `functions` (key, ARN or function name), or a module path. */
async function resolveFunction(name: string, configFile: string | undefined): Promise<string | FunctionSpec> {
  const file = configFile ?? (existsSync('edge-dev.config.json') ? 'edge-dev.config.json' : undefined);
  const looksLikePath = /[./\\]/.test(name.split('#')[0]!) && existsSync(name.split('#')[0]!);
  if (file && !looksLikePath) {
    const { distribution } = await loadConfig(file);
    const byKey = distribution.functionsByKey?.get(name);
    if (byKey) return byKey;
    for (const [arn, spec] of distribution.functions) {
      if (arn === name || spec.name === name || arn.startsWith(`${name}:`)) return spec;
    }
    if (!existsSync(name.split('#')[0]!)) {
      const known = [...new Set([...distribution.functions.values()].map((spec) => spec.name))].join(', ');
      throw new ConfigError(file, 'functions', `no function "${name}" (known: ${known || 'none'}); or give a module path`);
    }
  }
  if (!existsSync(name.split('#')[0]!)) {
    throw new ConfigError(name, '', 'no such handler file and no config naming it: give a module path (.js, .mjs, .cjs, .ts, .py) or --config');
  }
  return name;
}
