/**
 * cfn:pseudo-parameter-reference, with the fixed values edge-dev uses everywhere: Lambda@Edge functions live in
 * us-east-1 (dg:edge-functions-restrictions), and 123456789012 is the account of AWS's own examples.
 */
export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

export function pseudoParameter(name: string, stackName: string): unknown {
  switch (name) {
    case 'AWS::Region':
      return REGION;
    case 'AWS::AccountId':
      return ACCOUNT;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return stackName;
    case 'AWS::StackId':
      return `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::NotificationARNs':
      return [];
    default:
      return undefined;
  }
}
