import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { expectCloudFrontError, linesAbout, TEXT } from './helpers/cloudfront-error.js';

/**
 * Issue 6, fault injection through the proxy: a broken handler costs its request CloudFront's error (§3.8), the
 * log says why, and the next request is served. Each faulty handler answers `<path>/ok` normally, so "the next request"
 * goes to the very function that just failed.
 */
const OK = `const request = event.Records[0].cf.request; if (request.uri.endsWith('/ok')) return request;`;
// Non-async handlers must hand back a promise (or call back): a plain return value is null (§8.4).
const OK_PROMISE = `const request = event.Records[0].cf.request; if (request.uri.endsWith('/ok')) return Promise.resolve(request);`;
const CB_OK = `const request = event.Records[0].cf.request; if (request.uri.endsWith('/ok')) return callback(null, request);`;

const faults: Record<string, { source: string; options?: Record<string, unknown> }> = {
  throws: { source: `export const handler = async (event) => { ${OK} throw new TypeError('kaboom in the handler'); };` },
  rejects: { source: `export const handler = (event) => { ${OK_PROMISE} return Promise.reject(new RangeError('rejected on purpose')); };` },
  'callback-error': { source: `export const handler = (event, context, callback) => { ${CB_OK} callback(new Error('failed through the callback')); };` },
  'times-out': {
    source: `export const handler = async (event) => { ${OK} await new Promise((resolve) => setTimeout(resolve, 60000)); return request; };`,
    options: { timeout: 1 },
  },
  loops: { source: `export const handler = async (event) => { ${OK} for (;;); };`, options: { timeout: 1 } },
  'out-of-memory': {
    source: `export const handler = async (event) => { ${OK} const hoard = []; for (;;) hoard.push(new Array(1000000).fill(hoard.length)); };`,
    options: { timeout: 30 },
  },
  exits: { source: `export const handler = async (event) => { ${OK} process.exit(7); };` },
  'uncaught-in-timer': {
    source: `export const handler = (event) => { ${OK_PROMISE} setTimeout(() => { throw new Error('thrown in a timer'); }, 1); return new Promise(() => {}); };`,
  },
  // §8.4: a callback handler that never calls back, with nothing left to run: the result is null.
  'never-calls-back': { source: `export const handler = (event, context, callback) => { ${CB_OK} };` },
  // ... and with something that keeps the event loop busy: the invocation runs into its timeout.
  'never-calls-back-busy': {
    source: `export const handler = (event, context, callback) => { ${CB_OK} setInterval(() => {}, 1000); };`,
    options: { timeout: 1 },
  },
  'never-settles': { source: `export const handler = (event) => { ${OK_PROMISE} return new Promise(() => {}); };` },
  'returns-null': { source: `export const handler = async (event) => { ${OK} return null; };` },
  'returns-string': { source: `export const handler = async (event) => { ${OK} return 'just a string'; };` },
  'returns-array': { source: `export const handler = async (event) => { ${OK} return [request]; };` },
  'returns-number': { source: `export const handler = async (event) => { ${OK} return 42; };` },
  'returns-cycle': { source: `export const handler = async (event) => { ${OK} const r = { status: '200' }; r.self = r; return r; };` },
  'returns-bigint': { source: `export const handler = async (event) => { ${OK} return { status: '200', size: 10n }; };` },
  'returns-bad-status': { source: `export const handler = async (event) => { ${OK} return { status: '999' }; };` },
  'returns-bad-uri': { source: `export const handler = async (event) => { ${OK} request.uri = 'no-leading-slash'; return request; };` },
  'returns-bad-header': {
    source: `export const handler = async (event) => { ${OK} request.headers['x-n'] = [{ key: 'X-N', value: 5 }]; return request; };`,
  },
  'returns-huge-body': { source: `export const handler = async (event) => { ${OK} return { status: '200', body: 'x'.repeat(41000) }; };` },
  'import-throws': { source: `throw new Error('broken at import time');\nexport const handler = async (event) => event.Records[0].cf.request;` },
  'syntax-error': { source: `export const handler = async (event => { return event; };` },
  'missing-dependency': { source: `import 'edge-dev-no-such-package';\nexport const handler = async (event) => event.Records[0].cf.request;` },
  'no-handler-export': { source: `export const handle = async (event) => event.Records[0].cf.request;` },
};

let origin: TestOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
    res.end(`origin ${req.url}`);
  });
  const handlers: Record<string, string> = {};
  const functionOptions: Record<string, Record<string, unknown>> = {};
  for (const [name, fault] of Object.entries(faults)) {
    handlers[name] = fault.source;
    if (fault.options) functionOptions[name] = fault.options;
  }
  for (const stage of ['oreq', 'ores', 'vres']) {
    handlers[`${stage}-throws`] = `export const handler = async (event) => { if (event.Records[0].cf.request.uri.endsWith('/ok')) return event.Records[0].cf[${stage === 'oreq' ? "'request'" : "'response'"}]; throw new Error('${stage} broke'); };`;
  }
  edge = await startEdge({
    handlers,
    functionOptions,
    originMap: { origin: origin.url },
    behaviors: [
      ...Object.keys(faults).map((name) => ({ path: `/${name}/*`, lambdas: { 'viewer-request': arn(name) } })),
      { path: '/stage/origin-request*', lambdas: { 'origin-request': arn('oreq-throws') } },
      { path: '/stage/origin-response*', lambdas: { 'origin-response': arn('ores-throws') } },
      { path: '/stage/viewer-response*', lambdas: { 'viewer-response': arn('vres-throws') } },
    ],
  });
}, 30_000);

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

/** The function that failed serves its next request, and an unrelated path is fine too. */
async function expectNextRequestServed(path: string): Promise<void> {
  const again = await edge.get(`${path}/ok`);
  expect(again.status).toBe(200);
  expect(await again.text()).toBe(`origin ${path}/ok`);
  const other = await edge.get('/healthy');
  expect(other.status).toBe(200);
  await other.text();
}

describe('§3.8 a failing handler costs one request a 503 LambdaExecutionError, the edge keeps serving', () => {
  const cases: [string, RegExp][] = [
    ['throws', /TypeError: kaboom in the handler/],
    ['rejects', /RangeError: rejected on purpose/],
    ['callback-error', /failed through the callback/],
    ['times-out', /timeout: .*1 s/],
    ['loops', /timeout: .*1 s/],
    ['out-of-memory', /ran out of memory \(memorySize 128 MB\)/],
    ['exits', /exited with code 7/],
    ['uncaught-in-timer', /thrown in a timer/],
    ['never-calls-back-busy', /timeout: /],
  ];
  for (const [name, why] of cases) {
    it(`§3.8 (D25, D26) ${name}: 503, the log says why, the next request is served`, async () => {
      const response = await edge.get(`/${name}/fault`);
      const { requestId } = await expectCloudFrontError(response, 503, 'LambdaExecutionError', TEXT.execution);
      const log = linesAbout(edge.logs, requestId);
      expect(log).toContain('/aws/cloudfront/LambdaEdge/');
      expect(log).toMatch(why);
      await expectNextRequestServed(`/${name}`);
    });
  }

  it('§8.6 (D49) the function log carries the Invoke Error line and the REPORT of the failed invocation', async () => {
    await edge.get('/throws/fault').then((r) => r.text());
    const lines = edge.logs.filter((line) => line.startsWith('/aws/lambda/us-east-1.throws '));
    expect(lines.some((line) => /\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"kaboom in the handler"/.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('REPORT RequestId:'))).toBe(true);
  });

  it('§8.5 (D26) a timeout logs "Task timed out" in the function log', async () => {
    await edge.get('/times-out/fault').then((r) => r.text());
    expect(edge.logs.some((line) => line.startsWith('/aws/lambda/us-east-1.times-out ') && /Task timed out after 1\.\d\d seconds/.test(line))).toBe(true);
  });

  it('§8.4 a promise that never settles ends when the event loop drains: the result is null (502, not an object)', async () => {
    const response = await edge.get('/never-settles/fault');
    await expectCloudFrontError(response, 502, 'LambdaValidationError', TEXT.notObject);
    await expectNextRequestServed('/never-settles');
  });

  it('§8.4 a callback handler that never calls back and leaves nothing to run gives null (502, not an object)', async () => {
    const response = await edge.get('/never-calls-back/fault');
    await expectCloudFrontError(response, 502, 'LambdaValidationError', TEXT.notObject);
    await expectNextRequestServed('/never-calls-back');
  });

  it('§3.8 repeated faults do not wear the edge down: 20 crashes in a row, then a served request', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, () => edge.get('/exits/fault').then(async (r) => (await r.text(), r.status))));
    expect(statuses).toEqual(Array(20).fill(503));
    await expectNextRequestServed('/exits');
  });
});

describe('§3.8 a handler that fails at import gives 503 on every request to it, and nothing else breaks', () => {
  const cases: [string, RegExp][] = [
    ['import-throws', /broken at import time/],
    ['syntax-error', /syntax error: missing \) after argument list/],
    ['missing-dependency', /edge-dev-no-such-package/],
    ['no-handler-export', /handler/],
  ];
  for (const [name, why] of cases) {
    it(`§3.8 (D25) ${name}: 503 LambdaExecutionError naming the cause, twice, and other paths still served`, async () => {
      for (let i = 0; i < 2; i++) {
        const { requestId } = await expectCloudFrontError(await edge.get(`/${name}/fault`), 503, 'LambdaExecutionError', TEXT.execution);
        expect(linesAbout(edge.logs, requestId)).toMatch(why);
      }
      const other = await edge.get('/healthy');
      expect(other.status).toBe(200);
      await other.text();
    });
  }
});

describe('§3.8 garbage results give 502 LambdaValidationError with CloudFront\'s text', () => {
  const cases: [string, string, RegExp?][] = [
    ['returns-null', TEXT.notObject],
    ['returns-string', TEXT.notObject],
    ['returns-array', TEXT.notObject],
    ['returns-number', TEXT.notObject],
    ['returns-cycle', TEXT.notParsable, /circular|cyclic/i],
    ['returns-bigint', TEXT.notParsable, /bigint/i],
    ['returns-bad-status', TEXT.invalid, /status/i],
    ['returns-bad-uri', TEXT.invalid, /uri/i],
    ['returns-bad-header', TEXT.invalid, /x-n|value/i],
    ['returns-huge-body', 'The body is not a string, is not an object, or exceeds the maximum size.'],
  ];
  for (const [name, text, why] of cases) {
    it(`§3.8 (D24, D48) ${name}: 502 and the next request is served`, async () => {
      const { requestId } = await expectCloudFrontError(await edge.get(`/${name}/fault`), 502, 'LambdaValidationError', text);
      const log = linesAbout(edge.logs, requestId);
      expect(log).toContain('LambdaValidationError');
      if (why) expect(log).toMatch(why);
      await expectNextRequestServed(`/${name}`);
    });
  }
});

describe('§2.2 a failure in any trigger: 503, later stages do not run, not cached (D22)', () => {
  for (const stage of ['origin-request', 'origin-response', 'viewer-response']) {
    it(`§3.8 (D22) ${stage} throws: 503 LambdaExecutionError, twice (never cached), then served`, async () => {
      for (let i = 0; i < 2; i++) {
        const { requestId } = await expectCloudFrontError(await edge.get(`/stage/${stage}`), 503, 'LambdaExecutionError', TEXT.execution);
        expect(linesAbout(edge.logs, requestId)).toMatch(/broke/);
      }
      const ok = await edge.get(`/stage/${stage}/ok`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe(`origin /stage/${stage}/ok`);
    });
  }
});
