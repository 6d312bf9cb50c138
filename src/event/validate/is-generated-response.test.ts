import { describe, it, expect } from 'vitest';
import { isGeneratedResponse } from './is-generated-response.js';

describe('isGeneratedResponse', () => {
  it('D13 an own status property makes the result a response', () => {
    expect(isGeneratedResponse({ status: '302' })).toBe(true);
    expect(isGeneratedResponse({ status: undefined })).toBe(true);
    expect(isGeneratedResponse({ uri: '/', headers: {} })).toBe(false);
    expect(isGeneratedResponse(Object.create({ status: '200' }) as Record<string, unknown>)).toBe(false);
  });
});
