import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { toXml } from './xml.js';
import { describePaths, InvalidationLog, invalidationXmlShape } from './invalidations.js';
import { apiErrorResponse, isApiError, xmlResponse } from './api-error.js';
import type { ApiError } from './api-error.js';
import { readInvalidationBatch } from './invalidation-request.js';
import { invokeForRie } from './rie.js';
import { guardControlApi } from './control-guard.js';
import { INSPECTOR_PAGE } from './inspector-page.js';
import type { InspectorRing } from './inspector-ring.js';
import { registerFunctionApi } from './function-api.js';
import type { EdgeHolder } from './types.js';

const API = '/2020-05-31/distribution';
const ACCOUNT = '123456789012';
const MAX_INVALIDATION_BODY_BYTES = 16 * 1024 * 1024;
const BODY_TOO_LARGE: ApiError = { status: 413, code: 'BatchTooLarge', message: 'Invalidation batch specified is too large.' };
const CALLER_REFERENCE_REUSED: ApiError = {
  status: 400,
  code: 'InvalidArgument',
  message: 'Your request contains a caller reference that was used for a previous invalidation batch for the same distribution.',
};

/**
 * The CloudFront API subset of interface.md (REST-XML, 2020-05-31) for the local distribution, so the real
 * `@aws-sdk/client-cloudfront` works against it, plus the Lambda Runtime Interface Emulator's invoke endpoint.
 */
export function createControlApi(holder: EdgeHolder, inspector?: InspectorRing): Hono {
  const app = new Hono();
  app.use('*', guardControlApi);
  const invalidations = new InvalidationLog();
  const startedAt = new Date();

  const distributionOr404 = (c: Context) => {
    const distribution = holder.deps.distribution;
    return c.req.param('id') === distribution.distributionId ? distribution : undefined;
  };

  app.get(`${API}/:id/config`, (c) => {
    const distribution = distributionOr404(c);
    if (!distribution) return noSuchDistribution(c);
    return xmlResponse(c, 200, toXml('DistributionConfig', distribution.raw as Record<string, unknown>), { ETag: distribution.etag });
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
    return xmlResponse(c, 200, body, { ETag: distribution.etag });
  });

  // §4: 3,000 paths of at most 4,000 characters fit in 16 MiB; a larger body is refused before it is read whole.
  app.post(`${API}/:id/invalidation`, bodyLimit({ maxSize: MAX_INVALIDATION_BODY_BYTES, onError: (c) => apiErrorResponse(c, BODY_TOO_LARGE) }), async (c) => {
    const distribution = distributionOr404(c);
    if (!distribution) return noSuchDistribution(c);
    const batch = readInvalidationBatch(await c.req.text());
    if (isApiError(batch)) return apiErrorResponse(c, batch);
    const { paths, callerReference } = batch;
    const existing = invalidations.byCallerReference(callerReference);
    if (existing) {
      // api:InvalidationBatch: the same batch again returns the first one. Another batch under the same reference is
      // refused; real CloudFront answers InvalidArgument with this text (docs/fidelity.md, issue 15).
      if (!samePaths(existing.paths, paths)) return apiErrorResponse(c, CALLER_REFERENCE_REUSED);
      return xmlResponse(c, 201, toXml('Invalidation', invalidationXmlShape(existing)), { Location: location(c, existing.id) });
    }
    // D39: effective at once on the local cache.
    const removed = holder.deps.cache.invalidate(paths);
    const invalidation = invalidations.add(paths, callerReference);
    holder.deps.options.log(`[invalidation] ${invalidation.id} ${describePaths(paths)}: ${removed} cached object(s) removed`);
    return xmlResponse(c, 201, toXml('Invalidation', invalidationXmlShape(invalidation)), { Location: location(c, invalidation.id) });
  });

  app.get(`${API}/:id/invalidation/:invalidationId`, (c) => {
    if (!distributionOr404(c)) return noSuchDistribution(c);
    const invalidation = invalidations.get(c.req.param('invalidationId'));
    if (!invalidation) return apiErrorResponse(c, { status: 404, code: 'NoSuchInvalidation', message: 'The specified invalidation does not exist.' });
    return xmlResponse(c, 200, toXml('Invalidation', invalidationXmlShape(invalidation)));
  });

  app.get(`${API}/:id/invalidation`, (c) => {
    if (!distributionOr404(c)) return noSuchDistribution(c);
    const maxItemsText = c.req.query('MaxItems') ?? '100';
    if (!/^\d{1,9}$/.test(maxItemsText) || Number(maxItemsText) < 1) {
      return apiErrorResponse(c, { status: 400, code: 'InvalidArgument', message: `MaxItems must be a positive integer, not ${JSON.stringify(maxItemsText.slice(0, 50))}.` });
    }
    const marker = c.req.query('Marker') ?? '';
    const maxItems = Number(maxItemsText);
    const { items, nextMarker } = invalidations.page(marker, maxItems);
    const body = toXml('InvalidationList', {
      Marker: marker,
      NextMarker: nextMarker,
      MaxItems: maxItems,
      IsTruncated: nextMarker !== undefined,
      Quantity: items.length,
      Items: items.map((item) => ({ Id: item.id, CreateTime: item.createTime, Status: item.reported })),
    });
    return xmlResponse(c, 200, body);
  });

  // interface.md › CloudFront Functions: TestFunction, DescribeFunction, GetFunction, ListFunctions.
  registerFunctionApi(app, holder, startedAt);

  // Issue 12: the request inspector (interface.md: the control port serves it at /), behind the same guard.
  if (inspector !== undefined) {
    app.get('/', (c) => c.html(INSPECTOR_PAGE));
    app.get('/inspector/requests', (c) => c.json(inspector.list()));
    app.get('/inspector/events', (c) =>
      streamSSE(c, async (stream) => {
        const stop = inspector.watch((record) => void stream.writeSSE({ event: 'request', data: JSON.stringify(record) }));
        stream.onAbort(stop);
        // Keep the stream open until the page goes away.
        await new Promise<void>((resolve) => stream.onAbort(resolve));
      }),
    );
  }

  // The Lambda Runtime Interface Emulator's endpoint, so existing RIE scripts can invoke a handler directly.
  app.post('/2015-03-31/functions/:name/invocations', (c) => invokeForRie(c, holder));

  app.notFound((c) => apiErrorResponse(c, { status: 404, code: 'NotFound', message: `No such API: ${c.req.method} ${c.req.path}` }));
  return app;
}

function noSuchDistribution(c: Context) {
  return apiErrorResponse(c, { status: 404, code: 'NoSuchDistribution', message: 'The specified distribution does not exist.' });
}

function samePaths(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((path, i) => path === b[i]);
}

function location(c: Context, id: string): string {
  const url = new URL(c.req.url);
  return `${url.origin}${API}/${c.req.param('id')}/invalidation/${id}`;
}
