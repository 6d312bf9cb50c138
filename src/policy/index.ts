/**
 * @module policy — the pre-deploy check (reference §10): an IAM policy evaluator and the Lambda@Edge rules.
 */
/** Run every rule on read inputs. */
export { runCheck } from './run-check.js';
export type { CheckInput, CheckResult } from './run-check.js';
/** Read the files named on the command line. */
export { loadCheckInput, readJson } from './load-inputs.js';
export type { CheckFiles } from './load-inputs.js';
/** Read the live configuration (`--from-aws`). */
export { readFromAws } from './from-aws.js';
/** Evaluate IAM policies (§10.7). */
export { evaluate, evaluatePolicies } from './evaluate.js';
/** Parse policy documents and AWS CLI outputs. */
export { parsePolicyDocument } from './parse-policy.js';
export { policiesFromJson } from './policy-input.js';
/** Least-privilege policies to print. */
export { minimalPolicies } from './minimal-policy.js';
/** Report formats. */
export { toJson, toText } from './report.js';
/** ARN helpers. */
export { parseLambdaArn } from './arn.js';
/** Shapes. */
export type { Finding, Severity, Policy, PolicyStatement, PolicySet, AccessRequest, Decision } from './types.js';
