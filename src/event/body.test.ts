import { describe, it, expect } from 'vitest';
import { exposeBody } from './body.js';

describe('exposeBody', () => {
  it('§1.7 exposes the body base64-encoded and read-only, bytes exact', () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]);
    const body = exposeBody(bytes, 'viewer-request');
    expect(body).toEqual({ action: 'read-only', data: bytes.toString('base64'), encoding: 'base64', inputTruncated: false });
    expect(Buffer.from(body.data, 'base64')).toEqual(bytes);
  });

  it('§4 truncates at 40 KB for viewer-request and 1 MB for origin-request', () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 7);
    const viewer = exposeBody(big, 'viewer-request');
    expect(viewer.inputTruncated).toBe(true);
    expect(Buffer.from(viewer.data, 'base64').length).toBe(40 * 1024);
    const origin = exposeBody(big, 'origin-request');
    expect(origin.inputTruncated).toBe(true);
    expect(Buffer.from(origin.data, 'base64').length).toBe(1024 * 1024);
    expect(exposeBody(Buffer.alloc(40 * 1024), 'viewer-request').inputTruncated).toBe(false);
  });

  it('D9 a bodiless request still gets the body object', () => {
    expect(JSON.stringify(exposeBody(Buffer.alloc(0), 'origin-request'))).toBe(
      '{"action":"read-only","data":"","encoding":"base64","inputTruncated":false}',
    );
  });
});
