/**
 * `edge-dev check --from-aws` against a loopback server answering with recorded AWS responses
 * (CloudFront REST-XML, Lambda REST-JSON, IAM query/XML). Dummy credentials; no network beyond 127.0.0.1.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESPONSES = `${ROOT}fixtures/check/aws-responses/`;

let server: Server;
let endpoint = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = req.url ?? '';
      seen.push(`${req.method} ${url} ${body}`);
      if (req.method === 'GET' && url.startsWith('/2020-05-31/distribution/E2LIVE0000001/config')) {
        res.writeHead(200, { 'content-type': 'text/xml', etag: 'E2QWRUHEXAMPLE' });
        res.end(readFileSync(`${RESPONSES}get-distribution-config.xml`));
      } else if (req.method === 'GET' && url.startsWith('/2015-03-31/functions/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(readFileSync(`${RESPONSES}get-function-configuration-auth-viewer-3.json`));
      } else if (req.method === 'POST' && body.includes('Action=GetRole')) {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(readFileSync(`${RESPONSES}get-role-serverless-default.xml`));
      } else {
        res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
        res.end('{"message":"not recorded"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/edge-dev.js', 'check', ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        NO_COLOR: '1',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('edge-dev check --from-aws', () => {
  it('§10 reads distribution, function configuration and URL-encoded trust policy from AWS', async () => {
    const r = await run(['--from-aws', '--aws-endpoint', endpoint, '--distribution-id', 'E2LIVE0000001', '--json']);
    expect(r.stderr).not.toContain('edge-dev check:');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; findings: { code: string; file?: string }[] };
    const codes = out.findings.map((f) => f.code);
    expect(codes).toContain('FUNCTION_ENVIRONMENT_VARIABLES');
    expect(codes).toContain('TRUST_EDGELAMBDA_MISSING');
    expect(seen.some((s) => s.startsWith('GET /2015-03-31/functions/') && s.includes('Qualifier=3'))).toBe(true);
    expect(seen.some((s) => s.includes('RoleName=edge-auth-role'))).toBe(true);
  });

  it('§10 an AWS error exits 2 and names the call', async () => {
    const r = await run(['--from-aws', '--aws-endpoint', endpoint, '--distribution-id', 'E2UNKNOWN00001', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('GetDistributionConfig E2UNKNOWN00001');
  });
});
