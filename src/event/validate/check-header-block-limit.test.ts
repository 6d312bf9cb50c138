import { describe, expect, it } from 'vitest';
import { checkHeaderBlockLimit } from './check-header-block-limit.js';
import type { CfHeaders } from '../types.js';

const pad = (bytes: number): CfHeaders => ({ 'x-pad': [{ key: 'X-Pad', value: 'p'.repeat(bytes - 'X-Pad: \r\n'.length) }] });

describe('§4 D30 checkHeaderBlockLimit', () => {
  it('§4 D30 accepts exactly 20,480 bytes of start line and header lines', () => {
    expect(() => checkHeaderBlockLimit('origin-response', 'response.headers', 100, pad(20_380))).not.toThrow();
  });

  it('§4 D30 one byte more is a LambdaValidationError naming the size', () => {
    expect(() => checkHeaderBlockLimit('origin-response', 'response.headers', 100, pad(20_381))).toThrow(
      expect.objectContaining({ kind: 'LambdaValidationError', status: 502, detail: expect.stringContaining('20481 bytes') }),
    );
  });

  it('§4 D30 counts every line of a repeated header', () => {
    const many: CfHeaders = { 'x-n': Array.from({ length: 10_000 }, () => ({ key: 'X-N', value: '1' })) };
    expect(() => checkHeaderBlockLimit('viewer-response', 'response.headers', 17, many)).toThrow(expect.objectContaining({ status: 502 }));
  });
});
