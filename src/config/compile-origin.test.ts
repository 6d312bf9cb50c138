import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileOrigin } from './compile-origin.js';
import { compileSettings } from './compile-settings.js';
import { rootLocation, type Diagnostics } from './json-location.js';
import { s3RegionFromDomain } from './s3-region.js';

let configFile: string;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edge-dev-origin-'));
  await mkdir(join(dir, 'bucket'));
  configFile = join(dir, 'edge-dev.config.json');
});

const loc = rootLocation('dist.json', 'Origins.Items[0]');
const https = compileSettings(undefined, rootLocation('c', 'settings'), { warnings: [] });
const http = compileSettings({ viewerProtocol: 'http' }, rootLocation('c', 'settings'), { warnings: [] });
function compile(origin: unknown, local?: unknown, settings = https, diagnostics: Diagnostics = { warnings: [] }) {
  return compileOrigin(origin, loc, local === undefined ? undefined : { value: local, loc: rootLocation('c', 'origins.x') }, configFile, settings, diagnostics);
}

describe('compileOrigin', () => {
  it('§4 custom origin defaults: ports 80/443, read 30 s, keep-alive 5 s, connection 10 s × 3', () => {
    const origin = compile({ Id: 'app', DomainName: 'App.Example.com', CustomOriginConfig: { OriginProtocolPolicy: 'http-only' } });
    expect(origin).toMatchObject({
      id: 'app',
      domainName: 'app.example.com',
      kind: 'custom',
      protocolPolicy: 'http-only',
      httpPort: 80,
      httpsPort: 443,
      readTimeoutSeconds: 30,
      keepaliveTimeoutSeconds: 5,
      connectionTimeoutSeconds: 10,
      connectionAttempts: 3,
      sslProtocols: ['TLSv1.2'],
      originPath: '',
    });
    expect(origin.location).toEqual({ kind: 'url', protocol: 'http', host: 'app.example.com', port: 80, basePath: '' });
  });

  it('§4 rejects timeouts and attempts out of range', () => {
    const base = { Id: 'a', DomainName: 'a.example.com' };
    expect(() => compile({ ...base, CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginReadTimeout: 121 } })).toThrow(
      /CustomOriginConfig\.OriginReadTimeout: 121 is out of range: give an integer from 1 to 120/,
    );
    expect(() => compile({ ...base, ConnectionAttempts: 4, CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } })).toThrow(/ConnectionAttempts/);
    expect(() => compile({ ...base, ConnectionTimeout: 11, CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } })).toThrow(/ConnectionTimeout/);
  });

  it('§4 match-viewer without a local entry follows settings.viewerProtocol (D43)', () => {
    const origin = { Id: 'a', DomainName: 'a.example.com', CustomOriginConfig: { OriginProtocolPolicy: 'match-viewer', HTTPPort: 8080, HTTPSPort: 8443 } };
    expect(compile(origin).location).toMatchObject({ protocol: 'https', port: 8443 });
    expect(compile(origin, undefined, http).location).toMatchObject({ protocol: 'http', port: 8080 });
  });

  it('D11 S3 with an OAI: origin-access-identity and the bucket Region from the domain', () => {
    const origin = compile({ Id: 's3', DomainName: 'b.s3.eu-west-1.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E1' } });
    expect(origin).toMatchObject({ kind: 's3', s3AuthMethod: 'origin-access-identity', s3Region: 'eu-west-1', protocolPolicy: 'match-viewer' });
    const open = compile({ Id: 's3', DomainName: 'b.s3.eu-west-1.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } });
    expect(open).toMatchObject({ s3AuthMethod: 'none', s3Region: '' });
  });

  it('D11 reads the Region from the forms of S3 domain names', () => {
    expect(s3RegionFromDomain('b.s3.amazonaws.com')).toBe('us-east-1');
    expect(s3RegionFromDomain('b.s3-ap-southeast-2.amazonaws.com')).toBe('ap-southeast-2');
    expect(s3RegionFromDomain('b.s3.dualstack.us-west-2.amazonaws.com')).toBe('us-west-2');
    expect(s3RegionFromDomain('example.com')).toBeUndefined();
  });

  it('maps an origin to a local base URL or directory', () => {
    const origin = { Id: 'a', DomainName: 'a.example.com', OriginPath: '/v1', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } };
    const url = compile(origin, 'http://127.0.0.1:8080/base/');
    expect(url.location).toEqual({ kind: 'url', protocol: 'http', host: '127.0.0.1', port: 8080, basePath: '/base' });
    expect(url.originPath).toBe('/v1');
    expect(url.domainName).toBe('a.example.com');
    expect(compile(origin, './bucket').location).toEqual({ kind: 'directory', root: join(dir, 'bucket') });
    expect(() => compile(origin, './missing')).toThrow(/origins\.x: directory .*missing does not exist/);
    expect(() => compile(origin, 'ftp://127.0.0.1/')).toThrow(/only http:\/\/ and https:\/\//);
  });

  it('api:Origin rejects an OriginPath with a trailing slash and an origin of neither kind', () => {
    expect(() => compile({ Id: 'a', DomainName: 'a.example.com', OriginPath: '/v1/', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } })).toThrow(
      /OriginPath: "\/v1\/": start it with/,
    );
    expect(() => compile({ Id: 'a', DomainName: 'a.example.com' })).toThrow(/none of S3OriginConfig, CustomOriginConfig and VpcOriginConfig/);
  });
});

describe('compileOrigin: origins infrastructure code produces (issue 10)', () => {
  it('a VPC origin (VpcOriginConfig only) is a custom origin on its domain name with its timeouts', () => {
    const origin = compile({ Id: 'internal', DomainName: 'internal-alb.example.internal', VpcOriginConfig: { VpcOriginId: 'vo_0123456789abcdef', OriginReadTimeout: 45 } });
    expect(origin).toMatchObject({ kind: 'custom', protocolPolicy: 'match-viewer', readTimeoutSeconds: 45, location: { kind: 'url', host: 'internal-alb.example.internal', port: 443 } });
  });

  it('an origin access control origin without S3OriginConfig is an S3 origin without OAI (D11)', () => {
    const origin = compile({ Id: 'site', DomainName: 'bucket.s3.us-east-1.amazonaws.com', OriginAccessControlId: 'E2QWRUHEXAMPLE' });
    expect(origin).toMatchObject({ kind: 's3', s3AuthMethod: 'none', s3Region: '' });
  });
});
