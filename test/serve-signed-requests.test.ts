import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSignedCookies, getSignedUrl } from '@aws-sdk/cloudfront-signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { cachePolicy, startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: { export(o: object): string | Buffer }, type: string) => String(key.export({ type, format: 'pem' }));
const RSA_PRIVATE = pem(rsa.privateKey, 'pkcs8');
const EC_PRIVATE = pem(ec.privateKey, 'pkcs8');
const in1h = () => new Date(Date.now() + 3_600_000).toISOString();

const ALL_QUERY = 'eeeeeeee-0000-4000-8000-000000000001';
let origin: ScriptedOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  const keys = mkdtempSync(join(tmpdir(), 'edge-dev-keys-'));
  writeFileSync(join(keys, 'rsa.pem'), pem(rsa.publicKey, 'spki'));
  writeFileSync(join(keys, 'ec.pem'), pem(ec.publicKey, 'spki'));
  writeFileSync(join(keys, 'other.pem'), pem(other.publicKey, 'spki'));
  edge = await startEdge({
    originMap: { origin: origin.url },
    extraConfig: {
      publicKeys: { K2RSAKEY: join(keys, 'rsa.pem'), K2ECKEY: join(keys, 'ec.pem'), K2OTHER: join(keys, 'other.pem') },
      keyGroups: { 'group-1': ['K2RSAKEY', 'K2ECKEY'], 'group-2': ['K2OTHER'] },
    },
    cachePolicies: { [ALL_QUERY]: cachePolicy({ min: 1, default: 86400, max: 31536000 }, { queryStrings: 'all' }) },
    behaviors: [{ path: '/private/*', cachePolicyId: ALL_QUERY, extra: { TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: ['group-1'] } } }],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

const pathOf = (url: string) => url.slice(url.indexOf('/', 'http://'.length));
async function fetchSigned(url: string, headers: Record<string, string> = {}) {
  const response = await edge.get(pathOf(url), { headers });
  return { status: response.status, body: await response.text(), cache: response.headers.get('x-cache') };
}

describe('issue 11 signed URLs and cookies (TrustedKeyGroups)', () => {
  it('issue 11 an unsigned request gets MissingKey; a public path is unaffected', async () => {
    const refused = await fetchSigned(`${edge.url}/private/a`);
    expect(refused).toMatchObject({ status: 403, cache: 'Error from cloudfront' });
    expect(refused.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>');
    expect((await edge.get('/public')).status).toBe(200);
  });

  it('issue 11 a canned-policy URL (RSA, SHA1) is served; the signing parameters never reach the origin or the key', async () => {
    const url = getSignedUrl({ url: `${edge.url}/private/canned?x=1`, keyPairId: 'K2RSAKEY', privateKey: RSA_PRIVATE, dateLessThan: in1h() });
    expect((await fetchSigned(url)).status).toBe(200);
    const seen = origin.hits('/private/canned');
    expect(seen.at(-1)!.url).toBe('/private/canned?x=1');
    const again = getSignedUrl({ url: `${edge.url}/private/canned?x=1`, keyPairId: 'K2RSAKEY', privateKey: RSA_PRIVATE, dateLessThan: new Date(Date.now() + 7_200_000).toISOString() });
    expect((await fetchSigned(again)).cache).toBe('Hit from cloudfront');
  });

  it('issue 11 a custom policy with a wildcard, an IP range and SHA256 (ECDSA) is served', async () => {
    const policy = JSON.stringify({
      Statement: [{ Resource: `${edge.url}/private/*`, Condition: { DateLessThan: { 'AWS:EpochTime': Math.floor(Date.now() / 1000) + 600 }, IpAddress: { 'AWS:SourceIp': '127.0.0.0/8' } } }],
    });
    const url = getSignedUrl({ url: `${edge.url}/private/custom`, keyPairId: 'K2ECKEY', privateKey: EC_PRIVATE, policy, algorithm: 'SHA256' } as Parameters<typeof getSignedUrl>[0]);
    expect(url).toContain('Hash-Algorithm=SHA256');
    expect((await fetchSigned(url)).status).toBe(200);
  });

  it('issue 11 signed cookies are accepted', async () => {
    const cookies = getSignedCookies({ url: `${edge.url}/private/cookie`, keyPairId: 'K2RSAKEY', privateKey: RSA_PRIVATE, dateLessThan: in1h() });
    const cookie = Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ');
    expect((await fetchSigned(`${edge.url}/private/cookie`, { cookie })).status).toBe(200);
  });

  it("issue 11 CloudFront's 403 for each failure", async () => {
    const expired = getSignedUrl({ url: `${edge.url}/private/e`, keyPairId: 'K2RSAKEY', privateKey: RSA_PRIVATE, dateLessThan: new Date(Date.now() - 60_000).toISOString() });
    expect((await fetchSigned(expired)).body).toContain('<Code>AccessDenied</Code><Message>Access denied</Message>');
    const unknown = getSignedUrl({ url: `${edge.url}/private/u`, keyPairId: 'K2OTHER', privateKey: pem(other.privateKey, 'pkcs8'), dateLessThan: in1h() });
    expect((await fetchSigned(unknown)).body).toContain('<Code>InvalidKey</Code><Message>Unknown Key</Message>');
    const forged = getSignedUrl({ url: `${edge.url}/private/f`, keyPairId: 'K2RSAKEY', privateKey: pem(other.privateKey, 'pkcs8'), dateLessThan: in1h() });
    expect((await fetchSigned(forged)).body).toContain('<Code>AccessDenied</Code>');
    const otherPath = getSignedUrl({ url: `${edge.url}/private/one`, keyPairId: 'K2RSAKEY', privateKey: RSA_PRIVATE, dateLessThan: in1h() });
    expect((await fetchSigned(otherPath.replace('/private/one', '/private/two'))).status).toBe(403);
    expect((await fetchSigned(`${edge.url}/private/m?Key-Pair-Id=K2RSAKEY&Expires=1&Signature=***`)).body).toContain('<Code>MalformedSignature</Code><Message>Could not unencode Signature</Message>');
    expect((await fetchSigned(`${edge.url}/private/m?Key-Pair-Id=K2RSAKEY&Policy=e30_&Signature=abc`)).body).toContain('<Code>MalformedPolicy</Code><Message>Malformed Policy</Message>');
    const outside = JSON.stringify({ Statement: [{ Resource: `${edge.url}/private/*`, Condition: { DateLessThan: { 'AWS:EpochTime': Math.floor(Date.now() / 1000) + 600 }, IpAddress: { 'AWS:SourceIp': '192.0.2.0/24' } } }] });
    const ipBound = getSignedUrl({ url: `${edge.url}/private/ip`, keyPairId: 'K2RSAKEY', privateKey: RSA_PRIVATE, policy: outside });
    expect((await fetchSigned(ipBound)).status).toBe(403);
  });
});
