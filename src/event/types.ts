/**
 * The CloudFront event vocabulary every part shares (reference §1). The shapes reuse
 * `@types/aws-lambda`, which users already know, and extend it where it falls short.
 */
import type { Readable } from 'node:stream';
import type { CloudFrontHeaders, CloudFrontCustomOrigin, CloudFrontResultResponse } from 'aws-lambda';

export type { CloudFrontCustomOrigin };

/**
 * §1.8, D11: `origin.s3`. `@types/aws-lambda` forbids `region` with `authMethod: "none"`, but CloudFront sends
 * `region: ""` then, and AWS's own origin-switching examples set it so.
 */
export interface CloudFrontS3Origin {
  authMethod: 'origin-access-identity' | 'none';
  customHeaders: CloudFrontHeaders;
  domainName: string;
  path: string;
  region?: string;
}

/** §1.8: exactly one of `custom` or `s3`. */
export type CloudFrontOrigin =
  | { custom: CloudFrontCustomOrigin; s3?: never }
  | { s3: CloudFrontS3Origin; custom?: never };

/** §1.6: lower-case names to `[{ key, value }]`, one element per header line, wire case kept in `key`. */
export type CfHeaders = CloudFrontHeaders;

export type LambdaEventType = 'viewer-request' | 'origin-request' | 'origin-response' | 'viewer-response';
export type ViewerEventType = 'viewer-request' | 'viewer-response';
export const LAMBDA_EVENT_TYPES: readonly LambdaEventType[] = [
  'viewer-request',
  'origin-request',
  'origin-response',
  'viewer-response',
];

/** §1.2: `Records[0].cf.config`. */
export interface CfConfig {
  distributionDomainName: string;
  distributionId: string;
  eventType: LambdaEventType;
  requestId: string;
}

/** §1.7: `request.body`, present only with IncludeBody. */
export interface CfRequestBody {
  inputTruncated: boolean;
  action: 'read-only' | 'replace';
  encoding: 'base64' | 'text';
  data: string;
}

/** §1.3. Also the in-flight representation of a request inside edge-dev, so events cost no mapping. */
export interface CfRequest {
  clientIp: string;
  method: string;
  uri: string;
  querystring: string;
  headers: CfHeaders;
  body?: CfRequestBody;
  origin?: CloudFrontOrigin;
}

/** §1.9. */
export interface CfResponse {
  status: string;
  statusDescription: string;
  headers: CfHeaders;
}

/** §1.10: what viewer-request / origin-request may return instead of the request. */
export type CfGeneratedResponse = Omit<CloudFrontResultResponse, 'status'> & { status: string | number };

export interface CfRequestEvent {
  Records: [{ cf: { config: CfConfig; request: CfRequest } }];
}
export interface CfResponseEvent {
  Records: [{ cf: { config: CfConfig; request: CfRequest; response: CfResponse } }];
}
export type CfEvent = CfRequestEvent | CfResponseEvent;

/**
 * A response as it travels from origin or cache to the viewer. The bytes are `body`, or, for a response that streams
 * from an origin (issue 9), `stream` (then `body` is empty): nothing holds a streamed body whole.
 */
export interface HttpResponse {
  status: number;
  statusDescription: string;
  headers: CfHeaders;
  body: Buffer;
  stream?: Readable;
}
