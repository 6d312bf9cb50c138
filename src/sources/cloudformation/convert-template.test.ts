import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource, SourceError } from '../index.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'sources');
const scratch = () => mkdtempSync(join(tmpdir(), 'edge-dev-sources-'));

/** A template written to a temp dir; `.json` or `.yaml` by its name. */
function template(name: string, text: string): string {
  const file = join(scratch(), name);
  writeFileSync(file, text);
  return file;
}

const MINIMAL = (config: string) => `Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
${config.replace(/^/gm, '        ')}
`;

describe('CloudFormation and SAM templates (issue 10)', () => {
  it('SAM: AutoPublishAlias versions, the function code found from CodeUri and Globals, the CloudFront Function and the cache policy', async () => {
    const codeDir = scratch();
    const { config, warnings } = await importSource(join(FIXTURES, 'sam', 'template.yaml'), { codeDir });
    expect(warnings).toEqual([]);
    const distribution = config.distribution as any;
    expect(distribution.IsIPV6Enabled).toBe(true);
    expect(distribution.Aliases).toBeUndefined();
    expect(distribution.ViewerCertificate).toEqual({ CloudFrontDefaultCertificate: true });
    expect(distribution.Origins.Items[0]).toMatchObject({ DomainName: 'site-dev-123456789012.s3.us-east-1.amazonaws.com', OriginAccessControlId: 'SiteOriginAccessControl' });
    const privateBehavior = distribution.CacheBehaviors.Items[0];
    expect(privateBehavior.AllowedMethods).toEqual({ Quantity: 3, Items: ['GET', 'HEAD', 'OPTIONS'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } });
    expect(privateBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN).toBe('arn:aws:lambda:us-east-1:123456789012:function:AuthFunction:1');
    expect(distribution.CustomErrorResponses.Items[0]).toEqual({ ErrorCode: 403, ResponseCode: '404', ResponsePagePath: '/404.html', ErrorCachingMinTTL: 10 });
    expect(config.functions.AuthFunction).toEqual({ handler: join(FIXTURES, 'sam', 'src', 'auth.mjs#handler'), runtime: 'nodejs20.x', memorySize: 128, timeout: 5 });
    const cff = config.functions['clean-urls-dev'] as { code: string; runtime: string };
    expect(cff.runtime).toBe('cloudfront-js-2.0');
    expect(readFileSync(cff.code, 'utf8')).toContain("request.uri += 'index.html'");
    expect((config.cachePolicies.PrivateCachePolicy as any).ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers).toEqual({ Quantity: 1, Items: ['Authorization'] });
  });

  it('--parameter values switch conditions: Aliases, the ACM certificate (ACMCertificateArn, SSLSupportMethod as the API names them)', async () => {
    const { config } = await importSource(join(FIXTURES, 'sam', 'template.yaml'), {
      codeDir: scratch(),
      parameters: { Stage: 'prod', DomainAlias: 'www.example.com', CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
    });
    const distribution = config.distribution as any;
    expect(distribution.Aliases).toEqual({ Quantity: 1, Items: ['www.example.com'] });
    expect(distribution.PriceClass).toBe('PriceClass_All');
    expect(distribution.ViewerCertificate).toEqual({ ACMCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
    expect(Object.keys(config.functions)).toContain('clean-urls-prod');
  });

  it('short-form tags, mappings, conditions and origins: website endpoint, function URL, VPC origin; inline ZipFile code', async () => {
    const codeDir = scratch();
    const { config, warnings } = await importSource(join(FIXTURES, 'cloudformation', 'site.yaml'), { codeDir });
    expect(warnings).toEqual([]);
    const distribution = config.distribution as any;
    expect(distribution.Enabled).toBe(true);
    expect(distribution.Logging).toBeUndefined();
    expect(distribution.Origins.Items.map((o: any) => o.DomainName)).toEqual([
      'website-staging.s3-website-us-east-1.amazonaws.com',
      'apifunction.lambda-url.us-east-1.on.aws',
      'internal-alb.example.internal',
    ]);
    expect(distribution.Origins.Items[0].CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'http-only', HTTPPort: 80, OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] } });
    expect(distribution.Origins.Items[1].CustomHeaders.Items).toEqual([{ HeaderName: 'X-Origin-Verify', HeaderValue: 'staging-secret' }]);
    expect(distribution.Origins.Items[2].VpcOriginConfig).toEqual({ VpcOriginId: 'InternalVpcOrigin', OriginReadTimeout: 30 });
    expect(distribution.CacheBehaviors.Items[0].PathPattern).toBe('/api/*');
    expect(distribution.CacheBehaviors.Items[1].ForwardedValues).toEqual({ QueryString: false, Headers: { Quantity: 1, Items: ['Host'] }, Cookies: { Forward: 'none' } });
    const arn = distribution.DefaultCacheBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN;
    expect(arn).toBe('arn:aws:lambda:us-east-1:123456789012:function:site-security-headers:1');
    const entry = config.functions['site-security-headers'] as { handler: string };
    expect(entry.handler).toBe(join(codeDir, 'SecurityHeadersFunction', 'index.cjs#handler'));
    expect(readFileSync(entry.handler.split('#')[0]!, 'utf8')).toContain('exports.handler');
    expect(Object.keys(config.originRequestPolicies)).toEqual(['ApiOriginRequestPolicy']);
  });

  it('a production parameter turns on the conditional log bucket', async () => {
    const { config } = await importSource(join(FIXTURES, 'cloudformation', 'site.yaml'), { codeDir: scratch(), parameters: { Environment: 'production' } });
    expect((config.distribution as any).Logging).toEqual({ Enabled: true, IncludeCookies: false, Prefix: 'production/', Bucket: 'logbucket.s3.amazonaws.com' });
  });

  it('JSON templates: Fn::Sub with ${!Literal}, Fn::If with AWS::NoValue in a list, TrustedKeyGroups and GeoRestriction', async () => {
    const file = template('template.json', JSON.stringify({
      Parameters: { Env: { Type: 'String', Default: 'dev' } },
      Conditions: { IsDev: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] } },
      Resources: {
        Keys: { Type: 'AWS::CloudFront::KeyGroup', Properties: {} },
        Cdn: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              Comment: { 'Fn::Sub': '${Env} ${!NotAVariable}' },
              Aliases: ['a.example.com', { 'Fn::If': ['IsDev', { Ref: 'AWS::NoValue' }, 'b.example.com'] }],
              Origins: [{ Id: 'o', DomainName: 'o.example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
              DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'allow-all', TrustedKeyGroups: [{ Ref: 'Keys' }] },
              Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['DE', 'FR'] } },
            },
          },
        },
      },
    }));
    const distribution = (await importSource(file, { codeDir: scratch() })).config.distribution as any;
    expect(distribution.Comment).toBe('dev ${NotAVariable}');
    expect(distribution.Aliases).toEqual({ Quantity: 1, Items: ['a.example.com'] });
    expect(distribution.DefaultCacheBehavior.TrustedKeyGroups).toEqual({ Enabled: true, Quantity: 1, Items: ['Keys'] });
    expect(distribution.Restrictions).toEqual({ GeoRestriction: { RestrictionType: 'whitelist', Quantity: 2, Items: ['DE', 'FR'] } });
  });
});

describe('CloudFormation bad input names file, line, resource and fix (issue 10)', () => {
  async function failure(file: string, options = {}): Promise<SourceError> {
    try {
      await importSource(file, { codeDir: scratch(), ...options });
    } catch (error) {
      if (error instanceof SourceError) return error;
      throw error;
    }
    throw new Error('expected a SourceError');
  }

  it('a parameter without Default asks for --parameter, with the line', async () => {
    const file = template('t.yaml', `Parameters:\n  EdgeArn:\n    Type: String\n${MINIMAL(`Origins: [{ Id: o, DomainName: o.example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]
DefaultCacheBehavior:
  TargetOriginId: o
  ViewerProtocolPolicy: allow-all
  LambdaFunctionAssociations:
    - EventType: viewer-request
      LambdaFunctionARN: !Ref EdgeArn`)}`);
    const error = await failure(file);
    expect(error.kind).toBe('NoDistribution');
    expect(error.message).toContain(`${file}: line 15 (Resources.Cdn.Properties.DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations[0].LambdaFunctionARN.Ref)`);
    expect(error.message).toContain('--parameter EdgeArn=VALUE');
  });

  it('Fn::ImportValue is a clear error; a YAML syntax error names its line; several distributions ask for --distribution', async () => {
    const imported = template('i.yaml', MINIMAL('Comment: !ImportValue shared-comment\nOrigins: []'));
    expect((await failure(imported)).message).toMatch(/Fn::ImportValue "shared-comment".*--parameter NAME=VALUE/);
    const broken = template('b.yaml', 'Resources:\n  A:\n    Type: [unclosed\n');
    const error = await failure(broken);
    expect(error.kind).toBe('UnreadableSource');
    expect(error.message).toMatch(/b\.yaml: line \d+: malformed YAML/);
    const two = template('two.yaml', `${MINIMAL('Origins: []')}  Other:\n    Type: AWS::CloudFront::Distribution\n    Properties: { DistributionConfig: { Origins: [] } }\n`);
    expect((await failure(two)).message).toContain('holds 2 distributions (Cdn, Other): choose one with --distribution LOGICAL_ID');
    const chosen = await importSource(two, { codeDir: scratch(), distribution: 'Other' });
    expect(chosen.config.distribution).toEqual({ Origins: { Quantity: 0 } });
  });

  it('a value known only after deploy is a warning naming the resource and the `origins` fix; the rest converts', async () => {
    const file = template('w.yaml', `${MINIMAL(`Origins:
  - Id: alb
    DomainName: !GetAtt LoadBalancer.DNSName
    CustomOriginConfig: { OriginProtocolPolicy: https-only }`)}  LoadBalancer:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n`);
    const { config, warnings } = await importSource(file, { codeDir: scratch() });
    expect((config.distribution as any).Origins.Items[0].DomainName).toBe('loadbalancer.dnsname.invalid');
    expect(warnings[0]).toMatch(/w\.yaml: line 8 .*LoadBalancer\.DNSName \(AWS::ElasticLoadBalancingV2::LoadBalancer\) is known only after deploy.*"origins"/);
  });

  it('a function without local code is a warning naming the resource and the `functions` key', async () => {
    const file = template('s3code.yaml', `${MINIMAL(`Origins: []
DefaultCacheBehavior:
  TargetOriginId: o
  LambdaFunctionAssociations:
    - EventType: origin-request
      LambdaFunctionARN: !Ref EdgeVersion`)}  EdgeVersion:\n    Type: AWS::Lambda::Version\n    Properties: { FunctionName: !Ref Edge }\n  Edge:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      Code: { S3Bucket: artifacts, S3Key: edge.zip }\n`);
    const { config, warnings } = await importSource(file, { codeDir: scratch() });
    expect(config.functions).toEqual({});
    expect(warnings[0]).toMatch(/s3code\.yaml: line \d+ \(Resources\.Edge\.Properties\): Edge: no local code, as its code is in S3 .*add a "functions" entry keyed by "Edge"/);
  });
});
