import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAMBDA_EVENT_TYPES } from '../event/index.js';
import { readFixtureEvent } from './fixture-files.js';
import { closeSharedRuntime, invoke } from './invoke.js';

afterAll(closeSharedRuntime);

const dir = mkdtempSync(join(tmpdir(), 'edge-dev-events-'));
const passThrough = join(dir, 'pass.mjs');
writeFileSync(
  passThrough,
  "export const handler = async (event) => event.Records[0].cf.response ?? event.Records[0].cf.request;\n",
);

describe('fixtures/events (AWS example events)', () => {
  for (const eventType of LAMBDA_EVENT_TYPES) {
    it(`§1.1 reads AWS's ${eventType} example and CloudFront accepts it returned unchanged`, async () => {
      const event = readFixtureEvent(new URL(`../../fixtures/events/${eventType}.json`, import.meta.url));
      expect(event.Records[0].cf.config.eventType).toBe(eventType);
      const result = await invoke(passThrough, event);
      expect(result.error).toBeUndefined();
      expect(result.ok).toBe(true);
    });
  }
});
