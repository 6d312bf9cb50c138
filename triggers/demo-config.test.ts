import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from 'edge-dev';

// `npm start` serves this distribution; it must load without warnings and use every example trigger.
const configFile = fileURLToPath(new URL('../fixtures/demo/edge-dev.config.json', import.meta.url));

describe('the demo distribution (fixtures/demo)', () => {
  it('loads cleanly and associates the example triggers with their behaviors', async () => {
    const { distribution } = await loadConfig(configFile);
    expect(distribution.warnings).toEqual([]);
    expect(distribution.defaultRootObject).toBe('index.html');
    const triggers = Object.fromEntries(
      distribution.behaviors.map((b) => [b.pathPattern, Object.fromEntries(Object.entries(b.lambda).map(([type, a]) => [type, a!.fn.modulePath.split(/[\\/]/).pop()]))]),
    );
    expect(triggers).toEqual({
      '/admin/*': { 'viewer-request': 'basic-auth.mjs' },
      '/old/*': { 'viewer-request': 'redirect.mjs' },
      '/hello': { 'viewer-request': 'static-page.mjs' },
      '/experiment.html': { 'viewer-request': 'ab-test.mjs', 'viewer-response': 'security-headers.mjs' },
      '/welcome': { 'origin-request': 'country-redirect.ts' },
      '/preview/*': { 'origin-request': 'origin-select.mjs' },
      '/api/*': {},
      '*': { 'origin-response': 'not-found-page.mjs', 'viewer-response': 'security-headers.mjs' },
    });
    // §9: the demo's CloudFront Function (cloudfront-js-1.0) on /api/* viewer-request.
    const api = distribution.behaviors.find((b) => b.pathPattern === '/api/*');
    expect(api?.cloudFrontFunctions?.['viewer-request']?.fn).toMatchObject({ name: 'edge-dev-true-client-ip', runtime: 'cloudfront-js-1.0' });
    expect(distribution.customErrorResponses.get(502)).toMatchObject({ responsePagePath: '/errors/502.html', responseCode: 502 });
    expect(distribution.origins.get('site')?.location).toMatchObject({ kind: 'directory' });
  });
});
