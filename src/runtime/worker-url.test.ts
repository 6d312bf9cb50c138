import { describe, expect, it } from 'vitest';
import { checkWorkerBuilt, environmentWorkerUrl } from './worker-url.js';

describe('environmentWorkerUrl', () => {
  it('maps src/…ts to the compiled dist/…js worker', () => {
    expect(environmentWorkerUrl('file:///repo/src/runtime/environment.ts').href).toBe(
      'file:///repo/dist/runtime/environment.worker.js',
    );
  });

  it('uses the sibling worker when already running compiled code', () => {
    expect(environmentWorkerUrl('file:///repo/dist/runtime/lambda-runtime.js').href).toBe(
      'file:///repo/dist/runtime/environment.worker.js',
    );
  });

  it('names the missing build step', () => {
    expect(checkWorkerBuilt(new URL('file:///nowhere/dist/runtime/environment.worker.js'))).toMatch(/run "npm run build" first/);
    expect(checkWorkerBuilt(environmentWorkerUrl())).toBeUndefined();
  });
});
