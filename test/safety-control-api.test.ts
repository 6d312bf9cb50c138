import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudFrontClient, CreateInvalidationCommand, GetInvalidationCommand, ListInvalidationsCommand } from '@aws-sdk/client-cloudfront';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

/**
 * Issue 15 item 6: the control API validates as the CloudFront API does (api:CreateInvalidation errors), parses and
 * writes XML with a real XML library, and bounds what it accepts and keeps.
 */
process.env.AWS_EC2_METADATA_DISABLED = 'true';

const ID = 'EDFDVBD6EXAMPLE';
let origin: TestOrigin;
let edge: TestEdge;
let client: CloudFrontClient;
let endpoint: string;

beforeAll(async () => {
  origin = await startOrigin();
  edge = await startEdge({ originMap: { origin: origin.url } });
  endpoint = `${edge.controlUrl}/2020-05-31/distribution/${ID}/invalidation`;
  client = new CloudFrontClient({ endpoint: edge.controlUrl, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' } });
});

afterAll(async () => {
  client?.destroy();
  await edge?.close();
  await origin?.close();
});

const batch = (paths: string[], reference: string, quantity = paths.length) =>
  `<?xml version="1.0" encoding="UTF-8"?><InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Paths><Quantity>${quantity}</Quantity><Items>${paths.map((p) => `<Path>${p}</Path>`).join('')}</Items></Paths><CallerReference>${reference}</CallerReference></InvalidationBatch>`;

async function post(body: string): Promise<{ status: number; code: string | undefined; text: string }> {
  const response = await fetch(endpoint, { method: 'POST', body, headers: { 'content-type': 'application/xml' } });
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], text };
}

describe('issue 15: CreateInvalidation is validated as the API validates it', () => {
  const cases: [string, () => string, number, string][] = [
    ['an empty body', () => '', 400, 'MissingBody'],
    ['XML that is not well-formed', () => '<InvalidationBatch><Paths>', 400, 'MalformedXML'],
    ['no InvalidationBatch root', () => '<?xml version="1.0"?><Paths><Quantity>1</Quantity></Paths>', 400, 'MalformedXML'],
    ['no CallerReference', () => batch(['/a'], '').replace('<CallerReference></CallerReference>', ''), 400, 'MalformedXML'],
    ['a Quantity that disagrees with Items', () => batch(['/a'], 'q', 2), 400, 'InconsistentQuantities'],
    ['3,001 paths (the limit is 3,000)', () => batch(Array.from({ length: 3001 }, (_, i) => `/p${i}`), 'big'), 413, 'BatchTooLarge'],
    ['a * inside a path', () => batch(['/a*b/c'], 'star'), 400, 'InvalidArgument'],
    ['a path without the leading /', () => batch(['index.html'], 'slash'), 400, 'InvalidArgument'],
    ['a path of 4,001 characters', () => batch([`/${'a'.repeat(4000)}`], 'long'), 400, 'InvalidArgument'],
    ['a &#0; character reference', () => batch(['/a&#0;b'], 'nul'), 400, 'MalformedXML'],
    ['an entity XML does not define', () => batch(['/a&nbsp;b'], 'nbsp'), 400, 'MalformedXML'],
    ['a DOCTYPE (entity expansion)', () => `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${batch(['/&a;'], 'dtd').replace(/^<\?xml[^>]*>/, '')}`, 400, 'MalformedXML'],
  ];
  for (const [name, body, status, code] of cases) {
    it(`${name}: ${status} ${code}, nothing kept`, async () => {
      const result = await post(body());
      expect([result.status, result.code]).toEqual([status, code]);
      expect(result.text).toContain('<ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">');
    });
  }

  it('a body over 16 MiB is refused before it is read whole: 413 BatchTooLarge', async () => {
    const result = await post(batch([`/${'a'.repeat(3999)}`], 'huge').replace('<Items>', `<Items>${' '.repeat(17 * 2 ** 20)}`));
    expect([result.status, result.code]).toEqual([413, 'BatchTooLarge']);
  });

  it('the SDK sees the API\'s error codes', async () => {
    const error = await client
      .send(new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: 'sdk-q', Paths: { Quantity: 3, Items: ['/a'] } } }))
      .catch((caught: Error) => caught);
    expect((error as Error).name).toBe('InconsistentQuantities');
  });

  it('a CallerReference reused with other paths is refused; the same batch again returns the first invalidation', async () => {
    const first = await client.send(new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: 'reuse', Paths: { Quantity: 1, Items: ['/one'] } } }));
    const again = await client.send(new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: 'reuse', Paths: { Quantity: 1, Items: ['/one'] } } }));
    expect(again.Invalidation!.Id).toBe(first.Invalidation!.Id);
    const other = await post(batch(['/two'], 'reuse'));
    expect([other.status, other.code]).toEqual([400, 'InvalidArgument']);
    expect(other.text).toContain('Your request contains a caller reference that was used for a previous invalidation batch for the same distribution.');
  });

  it('paths with non-ASCII and XML special characters round-trip exactly', async () => {
    const paths = ['/emoji-😀', '/a&b<c>"d\'', '/é'];
    const created = await client.send(new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: 'chars', Paths: { Quantity: 3, Items: paths } } }));
    const read = await client.send(new GetInvalidationCommand({ DistributionId: ID, Id: created.Invalidation!.Id }));
    expect(read.Invalidation!.InvalidationBatch!.Paths!.Items).toEqual(paths);
  });

  it('a log line names a few paths, not all 3,000', async () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `/file-${i}.html`);
    await client.send(new CreateInvalidationCommand({ DistributionId: ID, InvalidationBatch: { CallerReference: 'many', Paths: { Quantity: paths.length, Items: paths } } }));
    const line = edge.logs.find((entry) => entry.startsWith('[invalidation]') && entry.includes('/file-0.html'))!;
    expect(line).toContain('and 2995 more');
    expect(line.length).toBeLessThan(400);
  });
});

describe('issue 15: ListInvalidations', () => {
  it('MaxItems that is not a positive integer is InvalidArgument, not NaN', async () => {
    for (const value of ['abc', '0', '-1', '1.5']) {
      const response = await fetch(`${endpoint}?MaxItems=${value}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('<Code>InvalidArgument</Code>');
    }
  });

  it('pages newest first with NextMarker, as the SDK reads it', async () => {
    const all = await client.send(new ListInvalidationsCommand({ DistributionId: ID }));
    const ids = all.InvalidationList!.Items!.map((item) => item.Id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const first = await client.send(new ListInvalidationsCommand({ DistributionId: ID, MaxItems: 2 }));
    expect(first.InvalidationList!.IsTruncated).toBe(true);
    expect(first.InvalidationList!.Items!.map((item) => item.Id)).toEqual(ids.slice(0, 2));
    const second = await client.send(new ListInvalidationsCommand({ DistributionId: ID, MaxItems: 2, Marker: first.InvalidationList!.NextMarker }));
    expect(second.InvalidationList!.Items!.map((item) => item.Id)).toEqual(ids.slice(2, 4));
  });
});
