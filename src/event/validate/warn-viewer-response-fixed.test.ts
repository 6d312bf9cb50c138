import { describe, it, expect } from 'vitest';
import type { CfResponse } from '../types.js';
import { warnViewerResponseFixed } from './warn-viewer-response-fixed.js';

const before: CfResponse = { status: '200', statusDescription: 'OK', headers: {} };

describe('warnViewerResponseFixed', () => {
  it('D4 a changed status is not applied and warns; D5 a body warns; D3 statusDescription warns', () => {
    const warnings: string[] = [];
    warnViewerResponseFixed(before, { status: 404, statusDescription: 'Nope', body: 'x' }, warnings);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^viewer-response: response\.status was changed to the number 404; .* 200 is sent \(reference §1\.9, D4\)$/);
    expect(warnings[1]).toMatch(/statusDescription.*D3/);
    expect(warnings[2]).toMatch(/cannot replace the body.*D5/);
  });

  it('D4 the same status as a number or string is no change', () => {
    const warnings: string[] = [];
    warnViewerResponseFixed(before, { status: 200, statusDescription: 'OK' }, warnings);
    warnViewerResponseFixed(before, { status: '200' }, warnings);
    expect(warnings).toEqual([]);
  });
});
