import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../event/errors.js';
import { compileConfig, loadConfig } from './load-config.js';

const fixtures = fileURLToPath(new URL('../../fixtures/distributions/', import.meta.url));
const arn = (name: string, version = '1') => `arn:aws:lambda:us-east-1:123456789012:function:${name}:${version}`;

describe('loadConfig on the fixture distributions', () => {
  it('§7.1 managed policies, four associations: behaviors in order, default last, functions resolved', async () => {
    const { distribution, files } = await loadConfig(join(fixtures, 'managed-policies.config.json'));
    expect(distribution.warnings).toEqual([]);
    expect(distribution.distributionId).toBe('E1MANAGED0EXMPL');
    expect(distribution.arn).toBe('arn:aws:cloudfront::123456789012:distribution/E1MANAGED0EXMPL');
    expect(distribution.behaviors.map((b) => b.pathPattern)).toEqual(['/api/*', '*']);
    const [api, fallback] = distribution.behaviors;
    expect(api!.matches('/api/users')).toBe(true);
    expect(api!.matches('/index.html')).toBe(false);
    expect(fallback!.matches('/index.html')).toBe(true);
    expect(api!.cachePolicy.name).toBe('Managed-CachingDisabled');
    expect(api!.originRequestPolicy?.name).toBe('Managed-AllViewerExceptHostHeader');
    expect(Object.keys(api!.lambda).sort()).toEqual(['origin-request', 'origin-response', 'viewer-request', 'viewer-response']);
    expect(api!.lambda['viewer-request']).toMatchObject({ includeBody: true, fn: { name: 'edge-auth', version: '7', timeout: 5 } });
    expect(api!.lambda['origin-request']!.fn).toMatchObject({ name: 'api-rewrite', version: '3', memorySize: 256, timeout: 30 });
    expect(api!.lambda['origin-response']!.fn).toMatchObject({ timeout: 10 });
    expect(api!.lambda['viewer-response']!.fn).toMatchObject({ exportName: 'securityHeaders', timeout: 5 });
    expect(distribution.functions.size).toBe(4);
    expect(distribution.functionsByKey?.get('api-cache')?.arn).toBe(arn('api-cache', '2'));
    expect(distribution.origins.get('api-origin')!.location).toEqual({ kind: 'url', protocol: 'http', host: '127.0.0.1', port: 8080, basePath: '/base' });
    expect(distribution.origins.get('static-bucket')).toMatchObject({ kind: 's3', s3AuthMethod: 'origin-access-identity', s3Region: 'us-east-1' });
    // §9: the default behavior's CloudFront Function is compiled and its code file watched.
    expect(fallback!.cloudFrontFunctions?.['viewer-request']).toMatchObject({ fn: { name: 'rewrite-index', runtime: 'cloudfront-js-2.0' } });
    expect(files).toHaveLength(7);
    expect(files.slice(0, 2)).toEqual([join(fixtures, 'managed-policies.config.json'), join(fixtures, 'managed-policies.json')]);
  });

  it('§5.2 legacy ForwardedValues fixture compiles to policies plus LegacyForwarding', async () => {
    const { distribution } = await loadConfig(join(fixtures, 'legacy-forwarded-values.config.json'));
    const [account, jpg, fallback] = distribution.behaviors;
    expect(account!.legacy?.forwardAllHeaders).toBe(true);
    expect(account!.allowedMethods.has('DELETE')).toBe(true);
    expect(jpg!.matches('/photos/a.jpg')).toBe(true);
    expect(fallback!.cachePolicy).toMatchObject({ id: 'legacy:*', defaultTTL: 3600, enableAcceptEncodingGzip: true });
    expect(fallback!.cachePolicy.cookiePattern?.test('pref-theme')).toBe(true);
    expect(distribution.defaultRootObject).toBe('index.html');
    expect(distribution.settings).toMatchObject({ viewerProtocol: 'http', region: 'us-east-1' });
    expect(distribution.settings!.geo['cloudfront-viewer-country']).toBe('DE');
    expect(distribution.origins.get('web')!.location).toMatchObject({ protocol: 'http', port: 8080, host: 'www.example.org' });
  });

  it('§7.5 / §7.6 origin group fixture: failover codes, error responses, custom policy', async () => {
    const { distribution } = await loadConfig(join(fixtures, 'origin-group.config.json'));
    expect(distribution.originGroups.get('site-with-failover')).toMatchObject({ primary: 'primary-bucket', secondary: 'fallback-app' });
    expect(distribution.origins.get('primary-bucket')).toMatchObject({ s3Region: 'eu-west-1', location: { kind: 'directory' } });
    expect(distribution.customErrorResponses.get(403)).toEqual({ errorCode: 403, responsePagePath: '/index.html', responseCode: 200, errorCachingMinTTL: 0 });
    expect(distribution.behaviors[0]!.cachePolicy).toMatchObject({ name: 'errors-short', maxTTL: 300 });
    expect(distribution.behaviors[1]!.lambda['origin-response']!.fn.timeout).toBe(30);
  });

  it('gives a stable CloudFront-looking etag and a frozen raw DistributionConfig', async () => {
    const a = await loadConfig(join(fixtures, 'origin-group.config.json'));
    const b = await loadConfig(join(fixtures, 'origin-group.config.json'));
    expect(a.distribution.etag).toMatch(/^E[0-9A-Z]{13}$/);
    expect(a.distribution.etag).toBe(b.distribution.etag);
    expect(Object.isFrozen(a.distribution.raw)).toBe(true);
    expect((a.distribution.raw as { Comment: string }).Comment).toContain('origin group');
  });
});

describe('compileConfig errors and warnings', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edge-dev-load-'));
    file = join(dir, 'edge-dev.config.json');
    await writeFile(join(dir, 'h.mjs'), 'export const handler = async (e) => e.Records[0].cf.request;\n');
  });
  function config(behavior: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
    return {
      distribution: {
        Origins: { Quantity: 1, Items: [{ Id: 'app', DomainName: 'app.example.com', CustomOriginConfig: { OriginProtocolPolicy: 'http-only' } }] },
        DefaultCacheBehavior: {
          TargetOriginId: 'app',
          ViewerProtocolPolicy: 'allow-all',
          CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
          ...behavior,
        },
      },
      functions: { f: './h.mjs' },
      ...extra,
    };
  }
  const association = (functionArn: string) => ({
    LambdaFunctionAssociations: { Quantity: 1, Items: [{ LambdaFunctionARN: functionArn, EventType: 'viewer-request' }] },
  });

  it('compiles a minimal config', () => {
    const { distribution } = compileConfig(config(association(arn('f'))), file);
    expect(distribution.behaviors[0]!.lambda['viewer-request']!.fn.modulePath).toBe(join(dir, 'h.mjs'));
    expect(distribution.domainName).toBe('d111111abcdef8.cloudfront.net');
  });

  it('rejects a function ARN with no local code, naming the keys that would match', () => {
    expect(() => compileConfig(config(association(arn('other'))), file)).toThrow(
      /DefaultCacheBehavior\.LambdaFunctionAssociations\.Items\[0\]\.LambdaFunctionARN: no local code for .*"other"/,
    );
  });

  it('rejects an unknown TargetOriginId with a suggestion', () => {
    expect(() => compileConfig(config({ TargetOriginId: 'ap' }), file)).toThrow(/TargetOriginId: "ap" is not the Id of an origin or origin group; did you mean "app"\?/);
  });

  it('rejects an unknown origin Id in `origins`', () => {
    expect(() => compileConfig(config({}, { origins: { web: 'http://127.0.0.1:1' } }), file)).toThrow(/origins\.web: "web" is not an origin Id/);
  });

  it('§5.4 rejects a bad cache policy Id', () => {
    expect(() => compileConfig(config({ CachePolicyId: 'caching-optimized' }), file)).toThrow(
      /CachePolicyId: "caching-optimized" is neither an AWS managed policy Id nor a key of `cachePolicies`/,
    );
    expect(() => compileConfig(config({ OriginRequestPolicyId: 'nope' }), file)).toThrow(/OriginRequestPolicyId: "nope"/);
  });

  it('warns about deploy-time problems and unknown keys instead of failing', () => {
    const { distribution } = compileConfig(
      config({ ...association('arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST'), TargetOrigin: 'x' }),
      file,
    );
    // Plus issue 12's: the origin has no local mapping.
    expect(distribution.warnings).toHaveLength(4);
    expect(distribution.warnings.join('\n')).toMatch(/origin "app" has no entry in `origins`/);
    expect(distribution.warnings.join('\n')).toMatch(/did you mean "TargetOriginId"\?/);
    expect(distribution.warnings.join('\n')).toMatch(/\$LATEST/);
    expect(distribution.warnings.join('\n')).toMatch(/eu-west-1/);
    expect(distribution.behaviors[0]!.lambda['viewer-request']!.fn.version).toBe('$LATEST');
  });

  it('§7.1 warns about a duplicate PathPattern that can never match', () => {
    const json = config();
    const behavior = { PathPattern: '/a/*', TargetOriginId: 'app', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' };
    (json.distribution as Record<string, unknown>).CacheBehaviors = { Quantity: 2, Items: [behavior, behavior] };
    (json as Record<string, unknown>).origins = { app: 'http://127.0.0.1:1' };
    const { distribution } = compileConfig(json, file);
    expect(distribution.warnings).toEqual([expect.stringContaining('CacheBehaviors.Items[1]: PathPattern "/a/*" repeats an earlier behavior')]);
  });

  it('returns nothing half-built: an error late in the file throws', () => {
    const bad = config(association(arn('f')), { settings: { viewerProtocol: 'ftp' } });
    expect(() => compileConfig(bad, file)).toThrow(ConfigError);
    expect(() => compileConfig(bad, file)).toThrow(/settings\.viewerProtocol: "ftp" is not valid/);
  });

  it('loadConfig names the file for malformed JSON', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "distribution": { "Origins": [1, 2,] } }');
    await expect(loadConfig(broken)).rejects.toMatchObject({ name: 'ConfigError', file: broken, message: expect.stringContaining('line 1, column 38') });
  });
});
