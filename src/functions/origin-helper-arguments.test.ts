import { describe, expect, it } from 'vitest';
import { createRequestOriginGroupArgument, selectRequestOriginByIdArgument, updateRequestOriginArgument } from './origin-helper-arguments.js';
import { FunctionInstance } from './function-instance.js';
import { testSpec } from './test-spec.js';

// dg:helper-functions-origin-modification: the fields and limits of the three helpers' arguments.
describe('origin helper arguments', () => {
  it('§9 updateRequestOrigin keeps the documented fields it can apply', () => {
    const applied = {
      domainName: 'blue.example.com',
      hostHeader: 'www.example.com',
      originPath: '/v2',
      customHeaders: { 'x-stage': 'blue' },
      connectionAttempts: 2,
      timeouts: { readTimeout: 30, connectionTimeout: 5 },
      customOriginConfig: { port: 8443, protocol: 'https', sslProtocols: ['TLSv1.2'] },
    };
    // Origin Shield is checked but has no local effect, so it is not kept.
    expect(updateRequestOriginArgument({ ...applied, originShield: { enabled: false } })).toEqual({ helper: 'updateRequestOrigin', update: applied });
  });

  it.each([
    [{ domainName: '127.0.0.1' }, /domainName "127.0.0.1" must be a DNS name/],
    [{ domainName: 'a.example.com:8080' }, /no colon/],
    [{ domainName: `${'a'.repeat(250)}.com` }, /the most is 253/],
    [{ originPath: 'v2' }, /must start with "\/"/],
    [{ originPath: '/v2/' }, /not end with one/],
    [{ customHeaders: { 'X-Stage': 'blue' } }, /lower-case header name/],
    [{ connectionAttempts: 4 }, /connectionAttempts must be a whole number from 1 to 3/],
    [{ timeouts: { connectionTimeout: 11 } }, /connectionTimeout must be a whole number from 1 to 10/],
    [{ timeouts: { readTimeout: 121 } }, /readTimeout must be a whole number from 1 to 120/],
    [{ customOriginConfig: { port: 80, protocol: 'ftp', sslProtocols: ['TLSv1.2'] } }, /protocol must be one of http, https/],
    [{ customOriginConfig: { port: 80, protocol: 'http' } }, /sslProtocols must list one or more/],
    [{ customOriginConfig: { port: 80, protocol: 'http', sslProtocols: ['TLSv1.2'], ipAddressType: 'ipv6' } }, /only together with domainName/],
    [{ originAccessControlConfig: { enabled: true, signingProtocol: 'sigv2' } }, /signingProtocol must be one of sigv4/],
    [{ originShield: { enabled: true } }, /originShield.region must be a non-empty string/],
    [{ allowedCertificateNames: ['x'.repeat(65)] }, /the most is 64/],
    [{ domain: 'typo.example.com' }, /argument.domain is not a field; use domainName/],
  ])('§9 updateRequestOrigin refuses %j', (argument, message) => {
    expect(() => updateRequestOriginArgument(argument)).toThrow(message);
  });

  it('§9 selectRequestOriginById takes an origin Id string', () => {
    expect(selectRequestOriginByIdArgument('green')).toEqual({ helper: 'selectRequestOriginById', originId: 'green' });
    expect(() => selectRequestOriginByIdArgument({ originId: 'green' })).toThrow(/must be a non-empty string/);
  });

  it('§9 createRequestOriginGroup takes two origins and failover codes of §2.5', () => {
    const argument = { originIds: [{ originId: 'a' }, { originId: 'b' }], failoverCriteria: { statusCodes: [500, 503] }, selectionCriteria: 'default' };
    expect(createRequestOriginGroupArgument(argument)).toEqual({ helper: 'createRequestOriginGroup', originIds: ['a', 'b'], failoverStatusCodes: [500, 503] });
    expect(() => createRequestOriginGroupArgument({ ...argument, originIds: [{ originId: 'a' }] })).toThrow(/exactly two origins/);
    expect(() => createRequestOriginGroupArgument({ ...argument, failoverCriteria: { statusCodes: [501] } })).toThrow(/statusCodes must list one or more of 400/);
    expect(() => createRequestOriginGroupArgument({ originIds: argument.originIds })).toThrow(/failoverCriteria must be an object/);
  });

  it('§9 a refused argument throws inside the function: the run fails as a throw does (FunctionExecutionError)', () => {
    const code = "import cf from 'cloudfront'; function handler(e) { cf.updateRequestOrigin({ domainName: '10.0.0.1' }); return e.request; }";
    const out = new FunctionInstance(testSpec(code)).invoke(JSON.stringify({ version: '1.0', request: { uri: '/', headers: {} } }), 'viewer-request', { name: 'LOCAL', serverIp: '127.0.0.1', region: 'us-east-1' });
    expect(out.ok).toBe(false);
    expect(out.error).toMatchObject({ kind: 'FunctionExecutionError', message: expect.stringMatching(/TypeError: cf.updateRequestOrigin\(\): argument.domainName "10.0.0.1" must be a DNS name/) });
  });
});
