import { brotliCompressSync, constants as zlibConstants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import { decideTtl, normaliseAcceptEncoding } from '../cache/index.js';
import { getHeaderValue } from '../event/index.js';
import type { CfHeaders, HttpResponse } from '../event/index.js';
import type { CompiledBehavior } from '../config/index.js';
import { copyHeaders } from './finish-response.js';
import { pipeBody } from './pipe-body.js';
import type { RequestState } from './types.js';

// §5.12: the Content-Types CloudFront compresses (AWS's guide source, ServingCompressedFiles, "File types that
// CloudFront compresses").
const COMPRESSIBLE_TYPES: ReadonlySet<string> = new Set([
  'application/dash+xml', 'application/eot', 'application/font', 'application/font-sfnt', 'application/javascript',
  'application/json', 'application/opentype', 'application/otf', 'application/pkcs7-mime', 'application/protobuf',
  'application/rss+xml', 'application/truetype', 'application/ttf', 'application/vnd.apple.mpegurl',
  'application/vnd.ms-fontobject', 'application/xhtml+xml', 'application/xml', 'application/x-font-opentype',
  'application/x-font-truetype', 'application/x-font-ttf', 'application/x-httpd-cgi', 'application/x-javascript',
  'application/x-mpegurl', 'application/x-opentype', 'application/x-otf', 'application/x-perl', 'application/x-ttf',
  'font/eot', 'font/opentype', 'font/otf', 'font/ttf', 'image/svg+xml', 'text/css', 'text/csv', 'text/html',
  'text/javascript', 'text/js', 'text/plain', 'text/richtext', 'text/tab-separated-values', 'text/xml',
  'text/x-component', 'text/x-java-source', 'text/x-script', 'vnd.apple.mpegurl',
]);

// §5.12: only these statuses, and only objects of 1,000 to 10,000,000 bytes by their Content-Length.
const COMPRESSIBLE_STATUSES: ReadonlySet<number> = new Set([200, 403, 404]);
const MIN_BYTES = 1000;
const MAX_BYTES = 10_000_000;
// CloudFront does not publish its Brotli quality; 5 keeps a 10 MB object well under a second (11, zlib's default,
// takes seconds).
const BROTLI_OPTIONS = { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } };

/**
 * §5.12 (and §5.3): CloudFront compresses an origin's response itself when the behavior has `Compress`, the cache
 * policy normalises Accept-Encoding (Brotli preferred), the TTL is above 0 and the object qualifies. The compressed
 * object is what is cached, under the normalised Accept-Encoding in the key. Returns the response unchanged otherwise.
 */
export function compressForViewer(state: RequestState, behavior: CompiledBehavior, response: HttpResponse): HttpResponse {
  const encoding = chooseEncoding(state, behavior);
  if (encoding === undefined || !qualifies(state, behavior, response)) return response;
  const headers = copyHeaders(response.headers);
  headers['content-encoding'] = [{ key: 'Content-Encoding', value: encoding }];
  delete headers['content-length'];
  weakenEtag(headers);
  if (response.stream !== undefined) {
    // Issue 9: compressed on the fly as the origin's bytes arrive.
    const compressor = encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip();
    return { ...response, headers, stream: pipeBody(response.stream, compressor) };
  }
  const body = encoding === 'br' ? brotliCompressSync(response.body, BROTLI_OPTIONS) : gzipSync(response.body);
  return { ...response, headers, body };
}


function chooseEncoding(state: RequestState, behavior: CompiledBehavior): 'br' | 'gzip' | undefined {
  const { viewer, request } = state;
  const policy = behavior.cachePolicy;
  if (!behavior.compress || !(policy.enableAcceptEncodingGzip || policy.enableAcceptEncodingBrotli)) return undefined;
  // §5.3: HTTP/1.0 viewers get no compression; nor does a policy that lists Accept-Encoding explicitly.
  if (viewer.httpVersion === '1.0' || policy.headers.names.includes('accept-encoding')) return undefined;
  const normalised = normaliseAcceptEncoding(policy, getHeaderValue(request.headers, 'accept-encoding'));
  if (normalised === undefined || normalised === 'identity') return undefined;
  const codings = normalised.split(',');
  if (policy.enableAcceptEncodingBrotli && codings.includes('br')) return 'br';
  return policy.enableAcceptEncodingGzip && codings.includes('gzip') ? 'gzip' : undefined;
}

function qualifies(state: RequestState, behavior: CompiledBehavior, response: HttpResponse): boolean {
  if (!COMPRESSIBLE_STATUSES.has(response.status)) return false;
  if (getHeaderValue(response.headers, 'content-encoding') !== undefined) return false;
  // The origin must say how big the object is; without Content-Length CloudFront does not compress.
  const length = Number(getHeaderValue(response.headers, 'content-length'));
  if (!Number.isInteger(length) || length < MIN_BYTES || length > MAX_BYTES) return false;
  const type = (getHeaderValue(response.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!COMPRESSIBLE_TYPES.has(type)) return false;
  // §5.12: only objects cached with a TTL above 0.
  const errorItem = state.deps.distribution.customErrorResponses.get(response.status);
  return decideTtl(behavior.cachePolicy, response.status, response.headers, errorItem?.errorCachingMinTTL, state.now).ttlSeconds > 0;
}

// §5.12: a strong ETag becomes weak (`W/`), a weak one is kept, an invalid one (neither `"` nor `W/`) is removed.
function weakenEtag(headers: CfHeaders): void {
  const etag = headers['etag']?.[0];
  if (etag === undefined || etag.value.startsWith('W/')) return;
  if (etag.value.startsWith('"')) headers['etag'] = [{ key: etag.key ?? 'ETag', value: `W/${etag.value}` }];
  else delete headers['etag'];
}
