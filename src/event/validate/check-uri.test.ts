import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { checkUri } from './check-uri.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkUri', () => {
  it('§3.6 rejects a uri that is not a string starting with /', () => {
    for (const bad of ['index.html', '', 'http://x/', 5, null, undefined]) {
      const error = thrown(() => checkUri('viewer-request', bad, '/'));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(/^viewer-request: request\.uri .*invalid uri format\) \(reference §3\.6\)$/);
    }
  });

  it('§3.6 rejects a changed uri with spaces or control characters', () => {
    expect(thrown(() => checkUri('origin-request', '/a b', '/')).detail).toMatch(/space or control/);
    expect(thrown(() => checkUri('origin-request', '/a\u0007', '/')).detail).toMatch(/space or control/);
  });

  it('§3.6 accepts good and unchanged uris', () => {
    expect(checkUri('viewer-request', '/index.html', '/')).toBe('/index.html');
    expect(checkUri('viewer-request', '/caf%C3%A9/ü', '/')).toBe('/caf%C3%A9/ü');
    expect(checkUri('viewer-request', '/odd path', '/odd path')).toBe('/odd path');
  });
});
