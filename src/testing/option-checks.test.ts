import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeSharedRuntime, invoke, invokeFunction, viewerRequest, viewerResponse } from './index.js';
import { readExpected, readFixtureEvent } from './fixture-files.js';
import { cloudFrontFunctionEvent } from '../functions/index.js';

afterAll(closeSharedRuntime);

const dir = mkdtempSync(join(tmpdir(), 'edge-dev-options-'));
const handler = join(dir, 'handler.mjs');
writeFileSync(handler, `export const handler = async (event) => event.Records[0].cf.request;`);

describe('issue 12: misspelt options are refused with a did-you-mean, not run against defaults', () => {
  it('event builders', () => {
    expect(() => viewerRequest({ ur: '/x' } as never)).toThrow(/unknown option "ur"; did you mean "uri"\?/);
    expect(() => viewerResponse({ stauts: 404 } as never)).toThrow(/did you mean "status"\?/);
    expect(() => cloudFrontFunctionEvent('viewer-request', { heders: {} } as never)).toThrow(/did you mean "headers"\?/);
  });

  it('invoke() and invokeFunction() options', async () => {
    await expect(invoke(handler, viewerRequest(), { timeOut: 1 } as never)).rejects.toThrow(/unknown option "timeOut"; did you mean "timeout"\?/);
    expect(() => invokeFunction(handler, cloudFrontFunctionEvent('viewer-request'), { runtme: 'cloudfront-js-1.0' } as never)).toThrow(/did you mean "runtime"\?/);
  });

  it('fixture files: a shorthand event and an expected result name the file and the key', () => {
    const event = join(dir, 'x.event.json');
    writeFileSync(event, JSON.stringify({ eventType: 'viewer-request', ur: '/x' }));
    expect(() => readFixtureEvent(event)).toThrow(new RegExp(`${event.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ur: unknown option "ur"; did you mean "uri"\\?`));
    const expected = join(dir, 'x.expected.json');
    writeFileSync(expected, JSON.stringify({ oK: true }));
    expect(() => readExpected(expected)).toThrow(/x\.expected\.json: oK: unknown option "oK"; did you mean "ok"\?/);
  });
});
