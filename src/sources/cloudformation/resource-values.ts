import { childLocation, DEFAULT_DOMAIN_NAME, type JsonLocation } from '../../config/index.js';
import { ACCOUNT, REGION } from './pseudo-parameters.js';
import type { Evaluator, TemplateResource } from './template-types.js';

/** The physical name of a resource: its name property when set, else its logical ID (CloudFormation would add a suffix). */
export function physicalName(resource: TemplateResource, evaluator: Evaluator, property: string): string {
  const name = evaluator.property(resource, property);
  return typeof name === 'string' && name !== '' ? name : resource.id;
}

/** Lambda function names are at most 64 characters (api:lambda CreateFunction). */
export function lambdaFunctionName(resource: TemplateResource, evaluator: Evaluator): string {
  return physicalName(resource, evaluator, 'FunctionName').slice(0, 64);
}

function lambdaArn(name: string): string {
  return name.startsWith('arn:') ? name : `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
}

/** The unqualified ARN of the function a Version, Alias or Url names through `FunctionName` (a name, ARN or Ref). */
function targetFunctionArn(resource: TemplateResource, evaluator: Evaluator, property = 'FunctionName'): string {
  const target = evaluator.property(resource, property);
  return lambdaArn(String(target).replace(/:(\d+|\$LATEST)$/, ''));
}

function bucketName(resource: TemplateResource, evaluator: Evaluator): string {
  return physicalName(resource, evaluator, 'BucketName').toLowerCase();
}

/**
 * cfn:aws-resource-*: what `Ref` returns for each resource type. Policies, origin access controls and other
 * CloudFront resources get their logical ID as their Id, so the converted configuration reads back to the template.
 */
export function refValue(resource: TemplateResource, evaluator: Evaluator): unknown {
  switch (resource.type) {
    case 'AWS::Lambda::Function':
    case 'AWS::Serverless::Function':
      return lambdaFunctionName(resource, evaluator);
    // Lambda@Edge needs a numbered version; the first version a stack publishes is 1.
    case 'AWS::Lambda::Version':
      return `${targetFunctionArn(resource, evaluator)}:1`;
    case 'AWS::Lambda::Alias':
      return `${targetFunctionArn(resource, evaluator)}:${String(evaluator.property(resource, 'Name'))}`;
    case 'AWS::S3::Bucket':
      return bucketName(resource, evaluator);
    case 'AWS::CloudFront::Function':
      return `arn:aws:cloudfront::${ACCOUNT}:function/${physicalName(resource, evaluator, 'Name')}`;
    case 'AWS::CloudFront::KeyValueStore':
    case 'AWS::SSM::Parameter':
      return physicalName(resource, evaluator, 'Name');
    default:
      return resource.id;
  }
}

/** cfn:aws-resource-*: `Fn::GetAtt` values; an attribute known only after deploy gets a `.invalid` placeholder and a warning. */
export function getAttValue(resource: TemplateResource, attribute: string, evaluator: Evaluator, loc: JsonLocation): unknown {
  const value = knownAttribute(resource, attribute, evaluator);
  if (value !== undefined) return value;
  const placeholder = `${resource.id}.${attribute.replace(/[^A-Za-z0-9-]/g, '-')}.invalid`.toLowerCase();
  evaluator.warn(
    loc,
    `Fn::GetAtt ${resource.id}.${attribute} (${resource.type}) is known only after deploy; edge-dev uses "${placeholder}". ` +
      'If it is an origin\'s DomainName, map that origin Id to a local URL or directory with the config file\'s "origins".',
  );
  return placeholder;
}

function knownAttribute(resource: TemplateResource, attribute: string, evaluator: Evaluator): unknown {
  switch (resource.type) {
    case 'AWS::Lambda::Function':
    case 'AWS::Serverless::Function': {
      const arn = lambdaArn(lambdaFunctionName(resource, evaluator));
      if (attribute === 'Arn') return arn;
      // sam:sam-resource-function AutoPublishAlias: the published version and the alias pointing at it.
      if (attribute === 'Version') return `${arn}:1`;
      if (attribute === 'Alias') return `${arn}:${String(evaluator.property(resource, 'AutoPublishAlias') ?? 'live')}`;
      return undefined;
    }
    case 'AWS::Lambda::Version':
      return attribute === 'Version' ? '1' : attribute === 'FunctionArn' ? `${targetFunctionArn(resource, evaluator)}:1` : undefined;
    case 'AWS::Lambda::Url': {
      const name = targetFunctionArn(resource, evaluator, 'TargetFunctionArn').split(':').pop()!;
      return attribute === 'FunctionUrl' ? `https://${name.toLowerCase()}.lambda-url.${REGION}.on.aws/` : undefined;
    }
    case 'AWS::S3::Bucket': {
      const bucket = bucketName(resource, evaluator);
      const names: Record<string, string> = {
        Arn: `arn:aws:s3:::${bucket}`,
        DomainName: `${bucket}.s3.amazonaws.com`,
        RegionalDomainName: `${bucket}.s3.${REGION}.amazonaws.com`,
        DualStackDomainName: `${bucket}.s3.dualstack.${REGION}.amazonaws.com`,
        WebsiteURL: `http://${bucket}.s3-website-${REGION}.amazonaws.com`,
      };
      return names[attribute];
    }
    case 'AWS::CloudFront::Function':
      return attribute === 'FunctionARN' || attribute === 'FunctionMetadata.FunctionARN' ? refValue(resource, evaluator) : attribute === 'Stage' ? 'LIVE' : undefined;
    case 'AWS::CloudFront::KeyValueStore':
      return attribute === 'Arn' ? `arn:aws:cloudfront::${ACCOUNT}:key-value-store/${resource.id}` : attribute === 'Id' ? resource.id : undefined;
    case 'AWS::CloudFront::Distribution':
      return attribute === 'DomainName' ? DEFAULT_DOMAIN_NAME : attribute === 'Id' ? resource.id : undefined;
    case 'AWS::SSM::Parameter':
      return attribute === 'Value' ? evaluator.evaluate(resource.properties.Value, childLocation(childLocation(resource.loc, 'Properties'), 'Value')) : undefined;
    default:
      // CloudFront's policies, origin access controls, key groups, VPC origins: `Id` is what Ref gives.
      return resource.type.startsWith('AWS::CloudFront::') && attribute === 'Id' ? resource.id : undefined;
  }
}
