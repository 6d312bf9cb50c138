import { describe, expect, it } from 'vitest';
import { checkBootstrapBuilt, environmentBootstrapUrl } from './bootstrap-path.js';

describe('environmentBootstrapUrl', () => {
  it('maps src/…ts to the compiled dist/…js bootstrap', () => {
    expect(environmentBootstrapUrl('file:///repo/src/runtime/environment.ts').href).toBe(
      'file:///repo/dist/runtime/environment.child.js',
    );
  });

  it('uses the sibling bootstrap when already running compiled code', () => {
    expect(environmentBootstrapUrl('file:///repo/dist/runtime/lambda-runtime.js').href).toBe(
      'file:///repo/dist/runtime/environment.child.js',
    );
  });

  it('names the missing build step', () => {
    expect(checkBootstrapBuilt(new URL('file:///nowhere/dist/runtime/environment.child.js'))).toMatch(/run "npm run build" first/);
    expect(checkBootstrapBuilt(environmentBootstrapUrl())).toBeUndefined();
  });
});
