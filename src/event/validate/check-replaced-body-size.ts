import { CLOUDFRONT_TEXT } from '../errors.js';
import { validationError } from './fail.js';

/**
 * §1.7, §4 (D8): a replaced request body may not exceed 40 KB (viewer) / 1 MB (origin) as text, or 53.2 KB /
 * 1.33 MB as base64 (the reference's figures, in KB = 1,024 bytes, rounded down); over it is a 502.
 */
export const REPLACED_BODY_LIMIT = {
  'viewer-request': { text: 40 * 1024, base64: Math.floor(53.2 * 1024) },
  'origin-request': { text: 1024 * 1024, base64: Math.floor(1.33 * 1024 * 1024) },
} as const;

export function checkReplacedBodySize(
  eventType: 'viewer-request' | 'origin-request',
  data: string,
  encoding: 'base64' | 'text',
): void {
  const limit = REPLACED_BODY_LIMIT[eventType][encoding];
  const size = encoding === 'text' ? Buffer.byteLength(data) : data.length;
  if (size <= limit) return;
  throw validationError(
    CLOUDFRONT_TEXT.bodyInvalid,
    eventType,
    `request.body.data is ${size} ${encoding === 'text' ? 'bytes of text' : 'characters of base64'}, over the ${eventType} limit of ${limit}`,
    '§4, D8',
  );
}
