import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { CfHeaders, HttpResponse } from '../event/types.js';
import { getHeaderValue } from '../event/index.js';
import { parseRange } from './byte-range.js';
import { resolveInside } from './resolve-inside.js';
import { contentTypeFor } from './content-types.js';
import { s3Error, s3RequestId } from './s3-errors.js';
import { evaluateConditionals } from './s3-conditional.js';

// Encoded `/` or `\` could smuggle a separator past the segment check.
const ENCODED_SEPARATOR = /%2f|%5c/i;
const EMPTY = Buffer.alloc(0);

type KeyResult = { ok: true; key: string; segments: string[] } | { ok: false; response: HttpResponse };

/**
 * D11: the object key for a request path: the percent-decoded path without its leading `/`. Traversal is
 * refused with AccessDenied: `..` or `.` segments (also percent-encoded), encoded slashes, backslashes, NUL.
 */
export function objectKey(path: string, head: boolean): KeyResult {
  if (ENCODED_SEPARATOR.test(path)) return { ok: false, response: accessDenied(head) };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return {
      ok: false,
      response: s3Error(400, 'Bad Request', 'InvalidURI', "Couldn't parse the specified URI.", { URI: path }, head),
    };
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return { ok: false, response: accessDenied(head) };
  const key = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  const segments = key.split('/');
  for (const segment of segments) {
    if (segment === '..' || segment === '.') return { ok: false, response: accessDenied(head) };
  }
  return { ok: true, key, segments };
}

function accessDenied(head: boolean): HttpResponse {
  return s3Error(403, 'Forbidden', 'AccessDenied', 'Access Denied', {}, head);
}

/**
 * Why 404 and not 403: S3 answers a missing key with 403 AccessDenied when the caller may not list the bucket
 * (the usual OAI/OAC setup without s3:ListBucket) and with 404 NoSuchKey when it may. A local directory is
 * fully listable to edge-dev, so it answers as a listable bucket does, which also tells the developer plainly
 * that the file is missing.
 */
function noSuchKey(key: string, head: boolean): HttpResponse {
  return s3Error(404, 'Not Found', 'NoSuchKey', 'The specified key does not exist.', { Key: key }, head);
}

/** A directory served the way S3 serves a bucket (D11): GET/HEAD, ETag, ranges, conditionals, XML errors. */
export class DirectoryOrigin {
  private rootReal: Promise<string> | undefined;

  constructor(readonly root: string) {}

  async serve(method: string, path: string, headers: CfHeaders): Promise<HttpResponse> {
    const head = method === 'HEAD';
    if (method !== 'GET' && !head) {
      const message = 'The specified method is not allowed against this resource.';
      const details = { Method: method, ResourceType: 'OBJECT' };
      return s3Error(405, 'Method Not Allowed', 'MethodNotAllowed', message, details, false, { Allow: 'GET, HEAD' });
    }
    const resolved = objectKey(path, head);
    if (!resolved.ok) return resolved.response;
    const { key, segments } = resolved;
    // The bucket root would be a ListObjects call, which edge-dev does not emulate.
    if (key === '') return accessDenied(head);
    if (segments.includes('')) return noSuchKey(key, head);

    // A symlink may point anywhere: one leaving the root is refused whether or not its target exists.
    const resolvedFile = await resolveInside(await this.realRoot(), segments);
    if (resolvedFile.kind === 'outside') return accessDenied(head);
    if (resolvedFile.kind === 'missing') return noSuchKey(key, head);
    const file = resolvedFile.path;
    const info = await stat(file).catch(() => undefined);
    if (info === undefined || !info.isFile()) return noSuchKey(key, head);

    // D51: the ETag comes from the file's identity and version, not its bytes: HEAD and conditional requests read
    // nothing, and a 3 GB file costs no hash.
    const etag = fileEtag(info);
    const mtimeSeconds = Math.floor(info.mtimeMs / 1000);
    const lastModified = new Date(mtimeSeconds * 1000).toUTCString();

    const verdict = evaluateConditionals(headers, etag, mtimeSeconds);
    if (verdict === 412) {
      const message = 'At least one of the pre-conditions you specified did not hold';
      return s3Error(412, 'Precondition Failed', 'PreconditionFailed', message, { Condition: 'If-Match' }, head);
    }
    if (verdict === 304) {
      return {
        status: 304,
        statusDescription: 'Not Modified',
        headers: objectHeaders(lastModified, etag, undefined, undefined, undefined),
        body: EMPTY,
      };
    }

    const size = info.size;
    const rangeHeader = head ? undefined : rangeToApply(headers, etag, lastModified);
    const range = parseRange(rangeHeader, size);
    if (range === 'unsatisfiable') {
      const details = { RangeRequested: rangeHeader!, ActualObjectSize: String(size) };
      const message = 'The requested range is not satisfiable';
      return s3Error(416, 'Requested Range Not Satisfiable', 'InvalidRange', message, details, head, {
        'Content-Range': `bytes */${size}`,
      });
    }
    const contentType = contentTypeFor(key);
    if (range === undefined) {
      const response: HttpResponse = {
        status: 200,
        statusDescription: 'OK',
        headers: objectHeaders(lastModified, etag, contentType, size, undefined),
        body: EMPTY,
      };
      // Issue 9: the file streams from disk; only a range's bytes are read.
      if (!head && size > 0) response.stream = createReadStream(file);
      return response;
    }
    const length = range.end - range.start + 1;
    return {
      status: 206,
      statusDescription: 'Partial Content',
      headers: objectHeaders(lastModified, etag, contentType, length, `bytes ${range.start}-${range.end}/${size}`),
      body: EMPTY,
      stream: createReadStream(file, { start: range.start, end: range.end }),
    };
  }

  private realRoot(): Promise<string> {
    this.rootReal ??= realpath(this.root);
    return this.rootReal;
  }

}

/**
 * D51: S3's ETag is the MD5 of a single-part upload's bytes, and something else for multipart uploads, so clients
 * cannot rely on it being an MD5. A local file gets an ETag in S3's form from what identifies its version (device,
 * inode, size, modification time): it changes when the file does, and costs no read.
 */
function fileEtag(info: Stats): string {
  return `"${createHash('md5').update(`${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`).digest('hex')}"`;
}

/** RFC 9110 If-Range: the Range applies only while the validator still matches. */
function rangeToApply(headers: CfHeaders, etag: string, lastModified: string): string | undefined {
  const range = getHeaderValue(headers, 'range');
  if (range === undefined) return undefined;
  const ifRange = getHeaderValue(headers, 'if-range');
  if (ifRange === undefined) return range;
  return ifRange === etag || ifRange === lastModified ? range : undefined;
}

function objectHeaders(
  lastModified: string,
  etag: string,
  contentType: string | undefined,
  length: number | undefined,
  contentRange: string | undefined,
): CfHeaders {
  const headers: CfHeaders = {
    'x-amz-request-id': [{ key: 'x-amz-request-id', value: s3RequestId() }],
    date: [{ key: 'Date', value: new Date().toUTCString() }],
    'last-modified': [{ key: 'Last-Modified', value: lastModified }],
    etag: [{ key: 'ETag', value: etag }],
  };
  if (contentType !== undefined) headers['accept-ranges'] = [{ key: 'Accept-Ranges', value: 'bytes' }];
  if (contentRange !== undefined) headers['content-range'] = [{ key: 'Content-Range', value: contentRange }];
  if (contentType !== undefined) headers['content-type'] = [{ key: 'Content-Type', value: contentType }];
  headers['server'] = [{ key: 'Server', value: 'AmazonS3' }];
  if (length !== undefined) headers['content-length'] = [{ key: 'Content-Length', value: String(length) }];
  return headers;
}
