import { expect } from 'vitest';

/** §3.8 texts the viewer sees in CloudFront's error page. */
export const TEXT = {
  execution: "The Lambda function associated with the CloudFront distribution is invalid or doesn't have the required permissions.",
  notObject: 'The Lambda function returned invalid JSON: The JSON output must be an object type.',
  notParsable: 'The Lambda function returned invalid JSON: The JSON output is not parsable.',
  invalid: 'The Lambda function returned an invalid request or response to CloudFront.',
  origin: 'CloudFront attempted to establish a connection with the origin, but either the attempt failed or the origin closed the connection.',
} as const;

export interface ErrorPage {
  requestId: string;
  body: string;
}

/**
 * §3.8, Appendix B: one of CloudFront's own error responses: the status, `X-Cache: <token> from cloudfront`,
 * `Server: CloudFront`, `text/html`, the page with its message and the request id that is also `X-Amz-Cf-Id`.
 */
export async function expectCloudFrontError(
  response: Response,
  status: number,
  token: string,
  text?: string,
  /** false for a stored error page, which keeps the id of the request that produced it. */
  pageIdIsThisRequest = true,
): Promise<ErrorPage> {
  const body = await response.text();
  expect({ status: response.status, xCache: response.headers.get('x-cache') }).toEqual({ status, xCache: `${token} from cloudfront` });
  expect(response.headers.get('server')).toBe('CloudFront');
  expect(response.headers.get('content-type')).toBe('text/html');
  expect(body).toContain(`<H1>${status} ERROR</H1>`);
  if (text !== undefined) expect(body).toContain(text);
  const requestId = response.headers.get('x-amz-cf-id')!;
  if (pageIdIsThisRequest) expect(body).toContain(`Request ID: ${requestId}`);
  return { requestId, body };
}

/** The log lines that mention a request id (edge-dev logs the request id with every error). */
export function linesAbout(logs: readonly string[], requestId: string): string {
  return logs.filter((line) => line.includes(requestId)).join('\n');
}
