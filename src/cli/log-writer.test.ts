import { describe, expect, it } from 'vitest';
import { classify, logWriter } from './log-writer.js';

const lines = [
  'GET /a.png 200 Miss  VReq 0.3ms → origin 12ms  ttfb 13.0ms 5,120 B',
  '/aws/lambda/us-east-1.auth START RequestId: 1 Version: 1',
  '/aws/lambda/us-east-1.auth 2026-12-04T00:00:00.000Z\t1\tINFO\thello',
  '/aws/lambda/us-east-1.auth 2026-12-04T00:00:00.000Z\t1\tERROR\tInvoke Error',
  '/aws/cloudfront/LambdaEdge/E1 abc LambdaValidationError: The Lambda function returned invalid JSON',
  '[config warning] edge-dev.config.json: x: unknown key',
  '[viewer] a connection went away',
];

function written(options: { format: 'text' | 'json'; level: 'error' | 'warn' | 'info' | 'debug'; color?: boolean }): string[] {
  const out: string[] = [];
  const log = logWriter({ color: false, ...options, write: (text) => out.push(text) });
  for (const line of lines) log(line);
  return out;
}

describe('issue 12 serve logs', () => {
  it('classifies request, function and edge lines with a level', () => {
    expect(lines.map((line) => `${classify(line).kind}:${classify(line).level}`)).toEqual([
      'request:info', 'function:debug', 'function:info', 'function:error', 'function:error', 'edge:warn', 'edge:info',
    ]);
  });

  it('--log-level info hides Lambda\'s START/END/REPORT but keeps the handler\'s own lines; warn keeps only problems', () => {
    expect(written({ format: 'text', level: 'info' })).toHaveLength(6);
    expect(written({ format: 'text', level: 'debug' })).toHaveLength(7);
    expect(written({ format: 'text', level: 'warn' }).join('')).not.toMatch(/GET \/a\.png|\tINFO\t/);
  });

  it('--log-format json writes one object per line, with the request\'s fields', () => {
    const [request, fn] = written({ format: 'json', level: 'info' }).map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(request).toMatchObject({ level: 'info', kind: 'request', method: 'GET', url: '/a.png', status: 200, xCache: 'Miss' });
    expect(fn).toMatchObject({ kind: 'function', logGroup: '/aws/lambda/us-east-1.auth', message: lines[2] });
  });

  it('colours the status on a terminal', () => {
    expect(written({ format: 'text', level: 'info', color: true })[0]).toContain('\u001b[32m200\u001b[39m');
  });
});
