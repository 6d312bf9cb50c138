import { describe, expect, it } from 'vitest';
import { compileTrustedKeyGroups } from './compile-trusted-keys.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('edge-dev.config.json');
const diagnostics = () => ({ warnings: [] as string[] });

describe('api:TrustedKeyGroups on a behavior', () => {
  it('absent or disabled: no signature is required', () => {
    expect(compileTrustedKeyGroups({}, loc, new Map(), diagnostics())).toBeUndefined();
    expect(compileTrustedKeyGroups({ TrustedKeyGroups: { Enabled: false, Quantity: 0 } }, loc, new Map(), diagnostics())).toBeUndefined();
  });

  it('enabled with no key group is refused, not served unsigned (fail closed)', () => {
    expect(() => compileTrustedKeyGroups({ TrustedKeyGroups: { Enabled: true, Quantity: 0 } }, loc, new Map(), diagnostics())).toThrow(
      /TrustedKeyGroups: Enabled is true but Items names no key group/,
    );
  });
});
