import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '../../index.js';

const TF = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'sources', 'terraform');
const codeDir = () => mkdtempSync(join(tmpdir(), 'edge-dev-tf-hcl-'));

/** A Terraform directory in a temp dir: file name → text. */
function tfDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'edge-dev-tf-dir-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const DISTRIBUTION = (body: string) => `
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  ${body}
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  restrictions {
    geo_restriction { restriction_type = "none" }
  }
  viewer_certificate { cloudfront_default_certificate = true }
}
`;

describe('Terraform .tf directory (issue 10)', () => {
  it('converts as its terraform show -json does: module function via archive_file, CloudFront Function, dynamic behaviors, managed policy by name, tfvars', async () => {
    const fromHcl = await importSource(TF, { codeDir: codeDir() });
    const fromJson = await importSource(join(TF, 'show.json'), { codeDir: codeDir() });
    expect(fromHcl.format).toBe('terraform');
    expect(fromHcl.warnings).toEqual([]);
    const hcl = fromHcl.config.distribution as any;
    const json = fromJson.config.distribution as any;
    expect(hcl).not.toHaveProperty('WaitForDeployment');
    expect(hcl.Origins.Items[0]).toMatchObject({ Id: 'app-dev', DomainName: 'app.example.com', CustomOriginConfig: { HTTPPort: 80, OriginProtocolPolicy: 'https-only' } });
    expect(hcl.CacheBehaviors.Items.map((b: any) => [b.PathPattern, b.CachePolicyId])).toEqual(json.CacheBehaviors.Items.map((b: any) => [b.PathPattern, b.CachePolicyId]));
    expect(hcl.DefaultCacheBehavior.LambdaFunctionAssociations.Items[0]).toEqual({ EventType: 'origin-response', LambdaFunctionARN: json.DefaultCacheBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN });
    expect(hcl.DefaultCacheBehavior.FunctionAssociations).toEqual(json.DefaultCacheBehavior.FunctionAssociations);
    expect(fromHcl.config.functions['headers-dev']).toEqual(fromJson.config.functions['headers-dev']);
    expect(fromHcl.config.functions['rewrite-dev']).toMatchObject({ runtime: 'cloudfront-js-2.0' });
    // A custom policy's Id is its name (unique per account); the managed one needs no entry.
    expect(hcl.DefaultCacheBehavior.CachePolicyId).toBe('app-dev');
    expect(Object.keys(fromHcl.config.cachePolicies)).toEqual(['app-dev']);
    // The state holds the provider's defaults as well (EnableAcceptEncodingBrotli: false).
    expect(Object.values(fromJson.config.cachePolicies)[0]).toMatchObject(fromHcl.config.cachePolicies['app-dev']!);
    expect(fromHcl.files).toEqual(expect.arrayContaining([join(TF, 'main.tf'), join(TF, 'terraform.tfvars'), join(TF, 'modules', 'edge', 'main.tf'), join(TF, 'functions', 'rewrite.js')]));
  });

  it('--var wins over terraform.tfvars and defaults, typed by the variable', async () => {
    const result = await importSource(TF, { codeDir: codeDir(), variables: { environment: 'prod', app_domain: '127.0.0.1', origin_http_port: '8080' } });
    const origin = (result.config.distribution as any).Origins.Items[0];
    expect(origin).toMatchObject({ Id: 'app-prod', DomainName: '127.0.0.1', CustomOriginConfig: { HTTPPort: 8080 } });
    expect(Object.keys(result.config.functions).sort()).toEqual(['headers-prod', 'rewrite-prod']);
  });

  it('count and for_each instances are addressed as Terraform does; --distribution picks one', async () => {
    const dir = tfDir({
      'main.tf': `variable "sites" { default = { blue = "blue.example.com", green = "green.example.com" } }\n${DISTRIBUTION('for_each = var.sites\n  comment = "${each.key} site"\n  origin {\n    origin_id = "web"\n    domain_name = each.value\n  }')}`,
    });
    await expect(importSource(dir, { codeDir: codeDir() })).rejects.toMatchObject({ kind: 'NoDistribution', message: expect.stringContaining('aws_cloudfront_distribution.site["blue"], aws_cloudfront_distribution.site["green"]') });
    const green = await importSource(dir, { codeDir: codeDir(), distribution: 'aws_cloudfront_distribution.site["green"]' });
    expect((green.config.distribution as any).Origins.Items[0].DomainName).toBe('green.example.com');
    expect((green.config.distribution as any).Comment).toBe('green site');
  });

  it('a value known only after apply names the reference, the file and line, and terraform show -json of a plan', async () => {
    const dir = tfDir({ 'main.tf': `resource "aws_wafv2_web_acl" "edge" { name = "x" }\n${DISTRIBUTION('web_acl_id = aws_wafv2_web_acl.edge.arn\n  origin {\n    origin_id = "web"\n    domain_name = aws_lb.app.dns_name\n  }')}\nresource "aws_lb" "app" { name = "app" }\n` });
    const error = await importSource(dir, { codeDir: codeDir() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'NoDistribution', file: join(dir, 'main.tf') });
    expect((error as Error).message).toMatch(/line 5 \(resource\.aws_cloudfront_distribution\.site\.web_acl_id\).*web_acl_id is aws_wafv2_web_acl\.edge\.arn, known only after apply.*terraform show -json plan\.out/);
  });

  it('an origin domain known only after apply is a placeholder and a warning naming "origins"', async () => {
    const dir = tfDir({ 'main.tf': `${DISTRIBUTION('origin {\n    origin_id = "web"\n    domain_name = aws_lb.app.dns_name\n  }')}\nresource "aws_lb" "app" { name = "app" }\n` });
    const result = await importSource(dir, { codeDir: codeDir() });
    expect((result.config.distribution as any).Origins.Items[0].DomainName).toBe('aws-lb-app-dns-name.invalid');
    expect(result.warnings).toEqual([expect.stringMatching(/main\.tf: line \d+ .*aws_lb\.app\.dns_name, known only after apply.*"origins"/)]);
  });

  it('a registry module, a missing variable and a syntax error are named with the fix', async () => {
    const registry = tfDir({ 'main.tf': 'module "cdn" {\n  source = "terraform-aws-modules/cloudfront/aws"\n}\n' });
    await expect(importSource(registry, { codeDir: codeDir() })).rejects.toMatchObject({ kind: 'NoDistribution', message: expect.stringMatching(/module\.cdn is not a local module.*terraform show -json/) });
    const missing = tfDir({ 'main.tf': `variable "domain" { type = string }\n${DISTRIBUTION('origin {\n    origin_id = "web"\n    domain_name = var.domain\n  }')}` });
    await expect(importSource(missing, { codeDir: codeDir() })).rejects.toMatchObject({ kind: 'NoDistribution', message: expect.stringMatching(/line 1 \(variable\.domain\): var\.domain: has no value: give --var domain=VALUE/) });
    const broken = tfDir({ 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n' });
    await expect(importSource(broken, { codeDir: codeDir() })).rejects.toMatchObject({ kind: 'UnreadableSource', message: expect.stringMatching(/main\.tf: line 2: is not valid HCL/) });
  });
});
