/**
 * The CloudFront API's REST-XML (version 2020-05-31) for the few shapes the control API serves.
 * JSON in the API's shape maps 1:1 to XML except list members, whose element names come from the API model
 * (taken from `@aws-sdk/client-cloudfront`'s schema: parent key → member element).
 */
const LIST_MEMBER: Readonly<Record<string, string>> = {
  Origins: 'Origin',
  CustomHeaders: 'OriginCustomHeader',
  OriginSslProtocols: 'SslProtocol',
  TrustedSigners: 'AwsAccountNumber',
  TrustedKeyGroups: 'KeyGroup',
  AllowedMethods: 'Method',
  CachedMethods: 'Method',
  LambdaFunctionAssociations: 'LambdaFunctionAssociation',
  FunctionAssociations: 'FunctionAssociation',
  WhitelistedNames: 'Name',
  Headers: 'Name',
  QueryStringCacheKeys: 'Name',
  Aliases: 'CNAME',
  OriginGroups: 'OriginGroup',
  StatusCodes: 'StatusCode',
  Members: 'OriginGroupMember',
  CacheBehaviors: 'CacheBehavior',
  CustomErrorResponses: 'CustomErrorResponse',
  GeoRestriction: 'Location',
  ActiveTrustedSigners: 'Signer',
  KeyPairIds: 'KeyPairId',
  ActiveTrustedKeyGroups: 'KeyGroup',
  AliasICPRecordals: 'AliasICPRecordal',
  Paths: 'Path',
  InvalidationList: 'InvalidationSummary',
  Cookies: 'Name',
  QueryStrings: 'Name',
};

export const XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function element(name: string, value: unknown, parent: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const member = LIST_MEMBER[parent] ?? 'member';
    return `<${name}>${value.map((item) => element(member, item, member)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => element(key, child, key === 'Items' ? name : key))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `{ Id: 'x', Items: [...] }` under `root`, with the namespace and XML declaration. */
export function toXml(root: string, value: Record<string, unknown>): string {
  const body = element(root, value, root);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(`<${root}>`, `<${root} xmlns="${XMLNS}">`)}`;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** All text values of `<tag>` elements, in order (enough for the flat request bodies the control API reads). */
export function xmlValues(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => unescapeXml(match[1]!));
}
