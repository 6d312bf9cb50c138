/**
 * The CloudFront API's REST-XML (version 2020-05-31), written and read with fast-xml-parser (issue 15: a maintained
 * parser and builder, not string handling). JSON in the API's shape maps 1:1 to XML except list members, whose
 * element names come from the API model (taken from `@aws-sdk/client-cloudfront`'s schema: parent key → member).
 */
import { createRequire } from 'node:module';

type FastXmlParser = typeof import('fast-xml-parser');
let fxp: FastXmlParser | undefined;
/**
 * fast-xml-parser, loaded at the first XML request: its ESM build is ~40 ms of every `serve` start-up, for an API
 * most sessions never call; its one-file CommonJS build loads in ~10 ms.
 */
function xmlLibrary(): FastXmlParser {
  fxp ??= createRequire(import.meta.url)('fast-xml-parser') as FastXmlParser;
  return fxp;
}

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
  FunctionList: 'FunctionSummary',
  KeyValueStoreAssociations: 'KeyValueStoreAssociation',
};

export const XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

// XML 1.0 §2.2: characters no XML document may carry, raw or as a character reference.
const ILLEGAL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ILLEGAL_CHARACTERS = new RegExp(ILLEGAL_CHARACTER.source, 'g');
const REFERENCE = /&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi;
const PREDEFINED = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

let builder: InstanceType<FastXmlParser['XMLBuilder']> | undefined;

function toTree(value: unknown, parent: string): unknown {
  if (Array.isArray(value)) {
    const member = LIST_MEMBER[parent] ?? 'member';
    return { [member]: value.map((item) => toTree(item, member)) };
  }
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const tree: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (child === undefined || child === null) continue;
      tree[key] = toTree(child, key === 'Items' ? parent : key);
    }
    return tree;
  }
  // A value no XML may hold (a NUL from a config file) is replaced, never written raw.
  return String(value).replace(ILLEGAL_CHARACTERS, '\ufffd');
}

/** `{ Id: 'x', Items: [...] }` as the document `<root xmlns="...">`, with the XML declaration. */
export function toXml(root: string, value: Record<string, unknown>): string {
  const tree = toTree(value, root) as Record<string, unknown>;
  builder ??= new (xmlLibrary().XMLBuilder)({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: false });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: { '@xmlns': XMLNS, ...tree } })}`;
}

export type XmlParse = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/**
 * A request body as the API reads it: well-formed XML 1.0, no DTD, only XML's own entities, `root` as the document
 * element. `lists` names the element paths that are lists (`Root.Paths.Items.Path`), kept as arrays even when single.
 */
export function parseXml(text: string, root: string, lists: ReadonlySet<string>): XmlParse {
  if (/<!DOCTYPE/i.test(text)) return { ok: false, message: 'A DOCTYPE is not allowed in a request.' };
  if (ILLEGAL_CHARACTER.test(text)) return { ok: false, message: 'The request holds a character that XML does not allow.' };
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1]!;
    if (!name.startsWith('#')) {
      if (!PREDEFINED.has(name)) return { ok: false, message: `The entity &${name}; is not defined.` };
      continue;
    }
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    if (!(code <= 0x10ffff) || ILLEGAL_CHARACTER.test(String.fromCodePoint(code)) || (code >= 0xd800 && code <= 0xdfff)) {
      return { ok: false, message: `The character reference &${name}; is not a character XML allows.` };
    }
  }
  const { XMLParser, XMLValidator } = xmlLibrary();
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) return { ok: false, message: `The XML is not well-formed: ${verdict.err.msg} (line ${verdict.err.line}, column ${verdict.err.col}).` };
  const parser = new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    parseTagValue: false,
    trimValues: false,
    // Numeric references: the named entities other than XML's five were refused above.
    htmlEntities: true,
    isArray: (_name, path) => lists.has(String(path)),
  });
  const document = parser.parse(text) as Record<string, unknown>;
  const names = Object.keys(document);
  if (names.length !== 1 || names[0] !== root) {
    return { ok: false, message: `The document element must be ${root}, not ${names.join(', ') || 'nothing'}.` };
  }
  const value = document[root];
  return { ok: true, value: value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {} };
}
