import { describe, it, expect } from 'vitest';
import { prepareViewerResponseHeaders } from './response-headers.js';
import { ALL_VIEWER, behavior, cachePolicy, headers } from './test-fixtures.js';

describe('prepareViewerResponseHeaders', () => {
  it('§6.1 removes Trailer, Upgrade, Connection, Keep-Alive, Transfer-Encoding and the origin Via', () => {
    const out = prepareViewerResponseHeaders(
      behavior(),
      headers({
        Trailer: 'X',
        Upgrade: 'h2c',
        Connection: 'keep-alive',
        'Keep-Alive': 'timeout=5',
        'Transfer-Encoding': 'chunked',
        Via: '1.1 varnish',
        'Content-Type': 'text/html',
        'Set-Cookie': ['a=1', 'b=2'],
      }),
    );
    expect(Object.keys(out)).toEqual(['content-type', 'set-cookie']);
    expect(out['set-cookie']).toHaveLength(2);
  });

  it('§6.1 keeps only Accept-Encoding, Cookie and forwarded header names in Vary', () => {
    const b = behavior({ cachePolicy: cachePolicy({ headers: { behavior: 'whitelist', names: ['Origin'] } }) });
    const out = prepareViewerResponseHeaders(b, headers({ Vary: ['Accept-Encoding, User-Agent, origin', 'Cookie, X-Foo'] }));
    expect(out['vary']).toEqual([
      { key: 'Vary', value: 'Accept-Encoding, origin' },
      { key: 'Vary', value: 'Cookie' },
    ]);
    const dropped = prepareViewerResponseHeaders(behavior(), headers({ Vary: 'User-Agent' }));
    expect(dropped['vary']).toBeUndefined();
  });

  it('§6.1 keeps User-Agent in Vary when device headers are forwarded', () => {
    const b = behavior({ cachePolicy: cachePolicy({ headers: { behavior: 'whitelist', names: ['CloudFront-Is-Mobile-Viewer'] } }) });
    const out = prepareViewerResponseHeaders(b, headers({ Vary: 'User-Agent' }));
    expect(out['vary']).toEqual([{ key: 'Vary', value: 'User-Agent' }]);
  });

  it('§6.1 keeps every Vary name when all viewer headers are forwarded', () => {
    const out = prepareViewerResponseHeaders(behavior({ originRequestPolicy: ALL_VIEWER }), headers({ Vary: 'X-Foo, Accept' }));
    expect(out['vary']).toEqual([{ key: 'Vary', value: 'X-Foo, Accept' }]);
  });

  it('§6.1 returns the same map when nothing needs removing', () => {
    const input = headers({ 'Content-Type': 'text/plain' });
    expect(prepareViewerResponseHeaders(behavior(), input)).toBe(input);
  });
});
