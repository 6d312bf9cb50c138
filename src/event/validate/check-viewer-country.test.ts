import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { headersFromRawHeaders } from '../headers.js';
import { checkViewerCountryNotAdded } from './check-viewer-country.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

const h = headersFromRawHeaders;

describe('checkViewerCountryNotAdded', () => {
  it('§3.5 rejects CloudFront-Viewer-Country added by viewer-request', () => {
    const error = thrown(() => checkViewerCountryNotAdded('viewer-request', 'request.headers', h([]), h(['CloudFront-Viewer-Country', 'US'])));
    expect(error.message).toBe(CLOUDFRONT_TEXT.disallowedHeader);
    expect(error.detail).toMatch(/^viewer-request: request\.headers\["cloudfront-viewer-country"\] was added.*\(reference §3\.5\)$/);
  });

  it('§3.5 allows it in origin-request and when the event already had it', () => {
    expect(() => checkViewerCountryNotAdded('origin-request', 'request.headers', h([]), h(['CloudFront-Viewer-Country', 'US']))).not.toThrow();
    expect(() =>
      checkViewerCountryNotAdded('viewer-request', 'request.headers', h(['CloudFront-Viewer-Country', 'US']), h(['CloudFront-Viewer-Country', 'FR'])),
    ).not.toThrow();
  });
});
