import { describe, it, expect } from 'vitest';
import type { CfRequest } from '../types.js';
import { warnReadOnlyRequestFields } from './warn-read-only-request-fields.js';

const before: CfRequest = { clientIp: '203.0.113.1', method: 'GET', uri: '/', querystring: '', headers: {} };

describe('warnReadOnlyRequestFields', () => {
  it('§3.1 warns (D3) about a changed method or clientIp, and an origin set in viewer-request', () => {
    const warnings: string[] = [];
    warnReadOnlyRequestFields('viewer-request', before, { method: 'POST', clientIp: '1.2.3.4', origin: {} }, warnings);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toBe('viewer-request: request.method was changed to the string "POST"; it is read-only, the change is ignored (reference §3.1, D3)');
    expect(warnings[1]).toMatch(/clientIp/);
    expect(warnings[2]).toMatch(/only origin-request can choose the origin/);
  });

  it('§3.1 says nothing for unchanged or omitted fields', () => {
    const warnings: string[] = [];
    warnReadOnlyRequestFields('origin-request', before, { method: 'GET', origin: {} }, warnings);
    expect(warnings).toEqual([]);
  });
});
