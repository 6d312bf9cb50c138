// Warm CloudFront Function invocation as the edge runs it (event built from the request, run in its node:vm context,
// result checked and merged), beside a direct call of the same code in this process (issue 13).
import { runInThisContext } from 'node:vm';
import { headersFromRawHeaders } from '../../dist/event/index.js';
import { runViewerRequestFunction } from '../../dist/functions/index.js';
import { percentile } from '../lib/stats.js';
import { boundRow, failedRow } from '../lib/rows.js';

const CODE = `function handler(event) {
  var request = event.request;
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  else if (!request.uri.includes('.')) request.uri += '/index.html';
  request.headers['x-rewritten'] = { value: 'true' };
  return request;
}`;
const P50 = 'CloudFront Function warm invocation p50';
const P99 = 'CloudFront Function warm invocation p99';

function measure(count, fn) {
  for (let i = 0; i < 2000; i++) fn();
  const samples = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

export function runCloudFrontFunctionScenario({ invocations }) {
  try {
    const spec = { name: 'bench', arn: 'arn:aws:cloudfront::123456789012:function/bench', runtime: 'cloudfront-js-1.0', codePath: '/bench/url-rewrite.js', code: CODE };
    const call = { distributionDomainName: 'd1.cloudfront.net', distributionId: 'E1', requestId: 'r', edgeLocation: { name: 'LOC', serverIp: '127.0.0.1', region: 'us-east-1' } };
    const request = () => ({ clientIp: '203.0.113.1', method: 'GET', uri: '/blog/', querystring: 'a=1', headers: headersFromRawHeaders(['Host', 'example.com', 'Accept', 'text/html', 'User-Agent', 'curl/8']) });
    const direct = runInThisContext(`(function () { ${CODE}; return handler; })()`);
    const directEvent = () => ({ request: { uri: '/blog/', headers: { host: { value: 'example.com' } } } });
    const edge = measure(invocations, () => runViewerRequestFunction(spec, call, request()));
    const base = measure(invocations, () => direct(directEvent()));
    const detail = (p) => `edge path ${edge[p].toFixed(4)} ms (event, node:vm run, checks, merge) − direct call ${base[p].toFixed(4)} ms, ${invocations} calls`;
    return [
      boundRow(P50, 'ms', edge.p50, 0.1, { baseline: base.p50, detail: detail('p50') }),
      boundRow(P99, 'ms', edge.p99, 0.5, { baseline: base.p99, detail: detail('p99') }),
    ];
  } catch (error) {
    return [failedRow(P50, 'ms', 0.1, 'lower', 'value', error), failedRow(P99, 'ms', 0.5, 'lower', 'value', error)];
  }
}
