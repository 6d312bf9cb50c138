/** The parts of a Lambda function ARN: `arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]`. */
export interface LambdaArn {
  region: string;
  account: string;
  name: string;
  /** A version number, `$LATEST` or an alias; absent for an unqualified ARN. */
  qualifier?: string;
  /** The ARN without its qualifier. */
  unqualified: string;
}

const ARN = /^(arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]{1,64}))(?::([A-Za-z0-9$_-]{1,128}))?$/;
export const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function parseLambdaArn(text: string): LambdaArn | undefined {
  const match = ARN.exec(text);
  if (!match) return undefined;
  const arn: LambdaArn = { unqualified: match[1]!, region: match[2]!, account: match[3]!, name: match[4]! };
  if (match[5] !== undefined) arn.qualifier = match[5];
  return arn;
}

export function isNumberedVersion(qualifier: string | undefined): boolean {
  return qualifier !== undefined && /^[1-9][0-9]*$/.test(qualifier);
}
