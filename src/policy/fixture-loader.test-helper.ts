/**
 * Test helper: reads the realistic inputs in fixtures/check/ (not shipped; only tests import it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { functionConfigFromJson } from './function-config.js';
import { policiesFromJson } from './policy-input.js';
import type { FunctionConfig, InputKind, Policy } from './types.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/check/', import.meta.url));

export function fixtureJson(relative: string): unknown {
  return JSON.parse(readFileSync(FIXTURES + relative, 'utf8'));
}

export function fixturePolicies(relative: string, kind: InputKind = 'deployer-policy', trust = false): Policy[] {
  return policiesFromJson(fixtureJson(relative), relative, { kind, trust }).policies;
}

export function fixtureFunction(relative: string): FunctionConfig {
  return functionConfigFromJson(fixtureJson(relative), relative);
}
