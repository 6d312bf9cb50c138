import { Hono } from 'hono';
import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import { toXml, xmlValues } from './xml.js';
import { InvalidationLog, invalidationXmlShape } from './invalidations.js';
import { invokeForRie } from './rie.js';
import type { EdgeHolder } from './types.js';

const API = '/2020-05-31/distribution';
const ACCOUNT = '123456789012';
// §4: invalidation paths are at most 4,000 characters.
const MAX_INVALIDATION_PATH = 4000;

/**
 * The CloudFront API subset of interface.md (REST-XML, 2020-05-31) for the local distribution, so the real
 * `@aws-sdk/client-cloudfront` works against it, plus the Lambda Runtime Interface Emulator's invoke endpoint.
 */
export function createControlApi(holder: EdgeHolder): Hono {
  const app = new Hono();
  const invalidations = new InvalidationLog();
  const startedAt = new Date();

  const distributionOr404 = (c: Context) => {
    const distribution = holder.deps.distribution;
    return c.req.param('id') === distribution.distributionId ? distribution : undefined;
  };

  app.get(`${API}/:id/config`, (c) => {
    const distribution = distributionOr404(c);
    if (!distribution) return noSuchDistribution(c);
    return xml(c, 200, toXml('DistributionConfig', distribution.raw as Record<string, unknown>), { ETag: distribution.etag });
  });

  app.get(`${API}/:id`, (c) => {
    const distribution = distributionOr404(c);
    if (!distribution) return noSuchDistribution(c);
    const body = toXml('Distribution', {
      Id: distribution.distributionId,
      ARN: `arn:aws:cloudfront::${ACCOUNT}:distribution/${distribution.distributionId}`,
      Status: 'Deployed',
      LastModifiedTime: startedAt,
      InProgressInvalidationBatches: 0,
      DomainName: distribution.domainName,
      ActiveTrustedSigners: { Enabled: false, Quantity: 0 },
      ActiveTrustedKeyGroups: { Enabled: false, Quantity: 0 },
      DistributionConfig: distribution.raw,
    });
    return xml(c, 200, body, { ETag: distribution.etag });
  });

  app.post(`${API}/:id/invalidation`, async (c) => {
    const distribution = distributionOr404(c);
    if (!distribution) return noSuchDistribution(c);
    const text = await c.req.text();
    const paths = xmlValues(text, 'Path');
    const callerReference = xmlValues(text, 'CallerReference')[0] ?? '';
    // §5.11: paths start with `/`; §4: at most 4,000 characters.
    const bad = paths.find((path) => !path.startsWith('/') || path.length > MAX_INVALIDATION_PATH);
    if (paths.length === 0 || bad !== undefined || !callerReference) {
      return apiError(c, 400, 'InvalidArgument', bad !== undefined ? `Invalid path: ${bad}` : 'An invalidation needs CallerReference and at least one Path.');
    }
    const existing = invalidations.byCallerReference(callerReference);
    if (existing) return xml(c, 201, toXml('Invalidation', invalidationXmlShape(existing)), { Location: location(c, existing.id) });
    // D39: effective at once on the local cache.
    const removed = holder.deps.cache.invalidate(paths);
    const invalidation = invalidations.add(paths, callerReference);
    holder.deps.options.log(`[invalidation] ${invalidation.id} ${paths.join(' ')}: ${removed} cached object(s) removed`);
    return xml(c, 201, toXml('Invalidation', invalidationXmlShape(invalidation)), { Location: location(c, invalidation.id) });
  });

  app.get(`${API}/:id/invalidation/:invalidationId`, (c) => {
    if (!distributionOr404(c)) return noSuchDistribution(c);
    const invalidation = invalidations.get(c.req.param('invalidationId'));
    if (!invalidation) return apiError(c, 404, 'NoSuchInvalidation', 'The specified invalidation does not exist.');
    return xml(c, 200, toXml('Invalidation', invalidationXmlShape(invalidation)));
  });

  app.get(`${API}/:id/invalidation`, (c) => {
    if (!distributionOr404(c)) return noSuchDistribution(c);
    const items = invalidations.list();
    const body = toXml('InvalidationList', {
      Marker: c.req.query('Marker') ?? '',
      MaxItems: Number(c.req.query('MaxItems') ?? 100),
      IsTruncated: false,
      Quantity: items.length,
      Items: items.map((item) => ({ Id: item.id, CreateTime: item.createTime, Status: item.reported })),
    });
    return xml(c, 200, body);
  });

  // The Lambda Runtime Interface Emulator's endpoint, so existing RIE scripts can invoke a handler directly.
  app.post('/2015-03-31/functions/:name/invocations', (c) => invokeForRie(c, holder));

  app.notFound((c) => apiError(c, 404, 'NotFound', `No such API: ${c.req.method} ${c.req.path}`));
  return app;
}

function xml(c: Context, status: 200 | 201 | 400 | 404, body: string, headers: Record<string, string> = {}) {
  return c.body(body, status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': randomUUID(), ...headers });
}

function apiError(c: Context, status: 400 | 404, code: string, message: string) {
  const body = toXml('ErrorResponse', { Error: { Type: 'Sender', Code: code, Message: message }, RequestId: randomUUID() });
  return xml(c, status, body);
}

function noSuchDistribution(c: Context) {
  return apiError(c, 404, 'NoSuchDistribution', 'The specified distribution does not exist.');
}

function location(c: Context, id: string): string {
  const url = new URL(c.req.url);
  return `${url.origin}${API}/${c.req.param('id')}/invalidation/${id}`;
}
