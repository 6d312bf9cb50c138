import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import type { CfRequestBody } from '../types.js';
import { readRequestBody } from './read-request-body.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

const before: CfRequestBody = { action: 'read-only', data: 'aGk=', encoding: 'base64', inputTruncated: false };

describe('readRequestBody', () => {
  it('§1.7 replace takes data in its encoding', () => {
    expect(readRequestBody('viewer-request', { ...before, action: 'replace', data: 'new', encoding: 'text' }, before, [])).toEqual({
      body: { action: 'replace', data: 'new', encoding: 'text', inputTruncated: false },
      replace: { data: 'new', encoding: 'text' },
    });
    expect(readRequestBody('origin-request', { ...before, action: 'replace', data: 'AP8=' }, before, []).replace).toEqual({ data: 'AP8=', encoding: 'base64' });
  });

  it('§1.7 read-only keeps the original body and warns about ignored changes', () => {
    const warnings: string[] = [];
    expect(readRequestBody('viewer-request', { ...before, data: 'b3RoZXI=' }, before, warnings)).toEqual({ body: before });
    expect(warnings[0]).toMatch(/action "read-only"; the original body is sent/);
    expect(readRequestBody('viewer-request', undefined, before, [])).toEqual({ body: before });
  });

  it('§3.1 inputTruncated is read-only (D3 warning)', () => {
    const warnings: string[] = [];
    readRequestBody('viewer-request', { ...before, inputTruncated: true }, before, warnings);
    expect(warnings[0]).toMatch(/inputTruncated is read-only.*\(reference §3\.1, D3\)$/);
  });

  it('§1.7 a body without IncludeBody is ignored with a warning', () => {
    const warnings: string[] = [];
    expect(readRequestBody('viewer-request', { action: 'replace', data: 'x', encoding: 'text' }, undefined, warnings)).toEqual({ body: undefined });
    expect(warnings[0]).toMatch(/no IncludeBody/);
  });

  it('§1.7 rejects bad body objects, actions, encodings, data and base64', () => {
    const cases: [unknown, string, RegExp][] = [
      ['x', CLOUDFRONT_TEXT.bodyInvalid, /request\.body is the string/],
      [{ ...before, action: 'append' }, CLOUDFRONT_TEXT.invalidShape, /action/],
      [{ ...before, action: 'replace', encoding: 'utf8' }, CLOUDFRONT_TEXT.invalidShape, /encoding/],
      [{ ...before, action: 'replace', data: 5 }, CLOUDFRONT_TEXT.bodyInvalid, /data is the number 5/],
      [{ ...before, action: 'replace', data: 'not base64!' }, CLOUDFRONT_TEXT.invalidShape, /invalid base64/],
    ];
    for (const [value, text, pattern] of cases) {
      const error = thrown(() => readRequestBody('origin-request', value, before, []));
      expect(error.message).toBe(text);
      expect(error.detail).toMatch(pattern);
      expect(error.detail).toMatch(/\(reference §1\.7\)$/);
    }
  });
});
