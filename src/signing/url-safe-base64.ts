// dg:private-content-creating-signed-url-canned-policy: CloudFront's URL-safe base64 replaces `+` `=` `/` with `-` `_` `~`.
const FROM_SAFE: Record<string, string> = { '-': '+', _: '=', '~': '/' };
const VALID = /^[A-Za-z0-9\-_~]+$/;

/** The bytes of a URL-safe base64 value, or undefined when it is not one. */
export function decodeUrlSafeBase64(value: string): Buffer | undefined {
  if (!VALID.test(value)) return undefined;
  return Buffer.from(value.replace(/[-_~]/g, (c) => FROM_SAFE[c]!), 'base64');
}
