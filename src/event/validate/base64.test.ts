import { describe, it, expect } from 'vitest';
import { isBase64 } from './base64.js';

describe('isBase64', () => {
  it('§1.7 accepts standard base64 with or without padding', () => {
    for (const good of ['', 'AA==', 'AAA=', 'AAAA', 'aGVsbG8=', 'aGVsbG8', 'aGVsbA', '+/+/']) expect(isBase64(good)).toBe(true);
  });

  it('§1.7 rejects other alphabets, stray characters and misplaced padding', () => {
    for (const bad of ['A', 'AAAAA', 'A===', '=AAA', 'AA=A', 'AA==AA==', 'aGVs bG8=', 'aGVs\nbG8=', '-_-_', 'é', 'AAA==']) {
      expect(isBase64(bad)).toBe(false);
    }
  });
});
