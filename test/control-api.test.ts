import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CloudFrontClient,
  CreateInvalidationCommand,
  GetDistributionCommand,
  GetDistributionConfigCommand,
  GetInvalidationCommand,
  ListInvalidationsCommand,
} from '@aws-sdk/client-cloudfront';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

let origin: TestOrigin;
let edge: TestEdge;
let client: CloudFrontClient;
const ID = 'EDFDVBD6EXAMPLE';

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    res.writeHead(200, { 'cache-control': 'max-age=3600' });
    res.end(`body of ${req.url} #${origin.requests.length}`);
  });
  edge = await startEdge({
    originMap: { origin: origin.url },
    // UseOriginCacheControlHeaders-QueryStrings: every query string is part of the key (§5.4).
    behaviors: [{ path: '/q/*', cachePolicyId: '4cc15a8a-d715-48a4-82b8-cc0b614638fe' }],
  });
  client = new CloudFrontClient({
    endpoint: edge.controlUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
});

afterAll(async () => {
  client?.destroy();
  await edge?.close();
  await origin?.close();
});

describe('control API through the real @aws-sdk/client-cloudfront', () => {
  it('GetDistributionConfig returns the config with its ETag', async () => {
    const output = await client.send(new GetDistributionConfigCommand({ Id: ID }));
    expect(output.ETag).toBeTruthy();
    expect(output.DistributionConfig?.Origins?.Items?.[0]?.Id).toBe('origin');
    expect(output.DistributionConfig?.DefaultCacheBehavior?.AllowedMethods?.Items).toEqual(['GET', 'HEAD']);
    expect(output.DistributionConfig?.Enabled).toBe(true);
  });

  it('GetDistribution reports a deployed distribution with its domain name', async () => {
    const output = await client.send(new GetDistributionCommand({ Id: ID }));
    expect(output.Distribution?.Id).toBe(ID);
    expect(output.Distribution?.Status).toBe('Deployed');
    expect(output.Distribution?.DomainName).toBe('d111111abcdef8.cloudfront.net');
    expect(output.Distribution?.DistributionConfig?.Origins?.Quantity).toBe(1);
  });

  it('an unknown distribution is NoSuchDistribution', async () => {
    await expect(client.send(new GetDistributionConfigCommand({ Id: 'ENOSUCH' }))).rejects.toMatchObject({ name: 'NoSuchDistribution' });
  });

  it('§5.11 D39 CreateInvalidation clears matching entries at once; GetInvalidation reports Completed', async () => {
    await edge.get('/images/a.jpg');
    await edge.get('/images/b.jpg');
    await edge.get('/other.txt');
    expect((await edge.get('/images/a.jpg')).headers.get('x-cache')).toBe('Hit from cloudfront');

    const created = await client.send(
      new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: 'ref-1', Paths: { Quantity: 1, Items: ['/images/*'] } } }),
    );
    expect(created.Invalidation?.Status).toBe('InProgress');
    expect(created.Location).toContain(`/2020-05-31/distribution/${ID}/invalidation/${created.Invalidation?.Id}`);

    expect((await edge.get('/images/a.jpg')).headers.get('x-cache')).toBe('Miss from cloudfront');
    expect((await edge.get('/images/b.jpg')).headers.get('x-cache')).toBe('Miss from cloudfront');
    expect((await edge.get('/other.txt')).headers.get('x-cache')).toBe('Hit from cloudfront');

    const got = await client.send(new GetInvalidationCommand({ DistributionId: ID, Id: created.Invalidation!.Id! }));
    expect(got.Invalidation?.Status).toBe('Completed');
    expect(got.Invalidation?.InvalidationBatch?.Paths?.Items).toEqual(['/images/*']);

    const listed = await client.send(new ListInvalidationsCommand({ DistributionId: ID }));
    expect(listed.InvalidationList?.Items?.map((item) => item.Id)).toContain(created.Invalidation!.Id);
  });

  it('§5.11 with query strings in the key, an exact path leaves query variants; a trailing * clears them', async () => {
    await edge.get('/q/a.txt?v=1');
    await edge.get('/q/a.txt');
    const invalidate = (reference: string, path: string) =>
      client.send(new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: reference, Paths: { Quantity: 1, Items: [path] } } }));
    await invalidate('ref-2', '/q/a.txt');
    expect((await edge.get('/q/a.txt?v=1')).headers.get('x-cache')).toBe('Hit from cloudfront');
    expect((await edge.get('/q/a.txt')).headers.get('x-cache')).toBe('Miss from cloudfront');
    await invalidate('ref-3', '/q/a.txt*');
    expect((await edge.get('/q/a.txt?v=1')).headers.get('x-cache')).toBe('Miss from cloudfront');
  });

  it('§5.11 without query strings in the key, the path clears the object whatever query it was fetched with', async () => {
    await edge.get('/plain.txt?v=1');
    expect((await edge.get('/plain.txt?v=2')).headers.get('x-cache')).toBe('Hit from cloudfront');
    await client.send(
      new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: 'ref-4', Paths: { Quantity: 1, Items: ['/plain.txt'] } } }),
    );
    expect((await edge.get('/plain.txt?v=1')).headers.get('x-cache')).toBe('Miss from cloudfront');
  });

  it('a path that does not start with / is InvalidArgument', async () => {
    await expect(
      client.send(new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: 'ref-5', Paths: { Quantity: 1, Items: ['nope'] } } })),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
  });
});
