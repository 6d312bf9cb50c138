import type { CfEvent } from '../../event/types.js';

/** A small viewer-request event for runtime tests; the uri tells test handlers what to do. */
export function testEvent(uri: string = '/'): CfEvent {
  return {
    Records: [
      {
        cf: {
          config: {
            distributionDomainName: 'd111111abcdef8.cloudfront.net',
            distributionId: 'EDFDVBD6EXAMPLE',
            eventType: 'viewer-request',
            requestId: '4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==',
          },
          request: { clientIp: '203.0.113.178', method: 'GET', uri, querystring: '', headers: {} },
        },
      },
    ],
  };
}
