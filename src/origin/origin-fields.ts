import type { CloudFrontOrigin } from '../event/types.js';
import type { CompiledOrigin } from '../config/types.js';

/**
 * §1.8 (D11): `request.origin` filled from the DistributionConfig's origin. Custom: the protocol and port the
 * origin protocol policy picks for this viewer; S3: all five fields, `region` only with an OAI.
 * `customHeaders` is the compiled (frozen) map: handlers get a copy through the event, edge-dev never mutates it.
 */
export function originFields(origin: CompiledOrigin, viewerHttps: boolean): CloudFrontOrigin {
  if (origin.kind === 's3') {
    const base = { customHeaders: origin.customHeaders, domainName: origin.domainName, path: origin.originPath };
    if (origin.s3AuthMethod === 'origin-access-identity') {
      return { s3: { ...base, authMethod: 'origin-access-identity', region: origin.s3Region ?? '' } };
    }
    // D11: `region: ""` without an OAI, as AWS's origin-switching examples write it.
    return { s3: { ...base, authMethod: 'none', region: '' as never } };
  }
  const https =
    origin.protocolPolicy === 'https-only' || (origin.protocolPolicy === 'match-viewer' && viewerHttps);
  return {
    custom: {
      customHeaders: origin.customHeaders,
      domainName: origin.domainName,
      keepaliveTimeout: origin.keepaliveTimeoutSeconds,
      path: origin.originPath,
      port: https ? origin.httpsPort : origin.httpPort,
      protocol: https ? 'https' : 'http',
      readTimeout: origin.readTimeoutSeconds,
      sslProtocols: origin.sslProtocols as string[],
    },
  };
}
