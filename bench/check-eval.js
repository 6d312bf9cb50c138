// Benchmark (not a test): evaluate a 50-statement deployer policy against every §10.3 requirement of 20 functions,
// plus the trust policy, the lint and the function rules, in one fresh process (cold caches, as one `check` run is).
// Prints one JSON line. Run `npm run build` first.
import { runCheck, parsePolicyDocument } from '../dist/policy/index.js';

const ACCOUNT = '123456789012';
const FUNCTIONS = 20;
const arn = (i) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:edge-fn-${i}:${i + 1}`;

function statements() {
  const out = [];
  for (let i = 0; i < 50; i++) {
    const kind = i % 10;
    if (kind === 0) out.push({ Sid: `S${i}`, Effect: 'Allow', Action: ['lambda:GetFunction', 'lambda:EnableReplication*', 'lambda:DisableReplication*'], Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:edge-fn-${i / 10}*` });
    else if (kind === 1) out.push({ Sid: `S${i}`, Effect: 'Allow', Action: `lambda:Get*`, Resource: [`arn:aws:lambda:us-east-1:${ACCOUNT}:function:edge-fn-1?:*`, `arn:aws:lambda:*:${ACCOUNT}:layer:*`] });
    else if (kind === 2) out.push({ Sid: `S${i}`, Effect: 'Deny', Action: 'lambda:*Replication*', Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:*`, Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } });
    else if (kind === 3) out.push({ Sid: `S${i}`, Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole', Resource: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/*`, Condition: { StringLike: { 'iam:AWSServiceName': ['replicator.lambda.amazonaws.com', 'logger.cloudfront.amazonaws.com'] } } });
    else if (kind === 4) out.push({ Sid: `S${i}`, Effect: 'Allow', Action: ['cloudfront:UpdateDistribution', 'cloudfront:GetDistributionConfig'], Resource: `arn:aws:cloudfront::${ACCOUNT}:distribution/E${i}EXAMPLE` });
    else if (kind === 5) out.push({ Sid: `S${i}`, Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', `s3:Delete${i}*`], NotResource: `arn:aws:s3:::secret-${i}/*` });
    else if (kind === 6) out.push({ Sid: `S${i}`, Effect: 'Allow', Action: ['logs:*', `cloudwatch:Put${i}*`], Resource: '*' });
    else if (kind === 7) out.push({ Sid: `S${i}`, Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${ACCOUNT}:role/edge-*`, Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } });
    else if (kind === 8) out.push({ Sid: `S${i}`, Effect: 'Deny', Action: ['lambda:DeleteFunction', `lambda:Update${i}*`], Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
    else out.push({ Sid: `S${i}`, Effect: 'Allow', Action: [`s3:Get${i}*`, 'lambda:EnableReplication'], Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:edge-fn-${i % FUNCTIONS}` });
  }
  return out;
}

const items = Array.from({ length: FUNCTIONS }, (_, i) => ({
  LambdaFunctionARN: arn(i),
  EventType: ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'][i % 4],
  IncludeBody: false,
}));
const distributionConfig = {
  DefaultCacheBehavior: { TargetOriginId: 'o', LambdaFunctionAssociations: { Quantity: 1, Items: [items[0]] } },
  CacheBehaviors: {
    Quantity: FUNCTIONS - 1,
    Items: items.slice(1).map((item, i) => ({ PathPattern: `/p${i}/*`, TargetOriginId: 'o', LambdaFunctionAssociations: { Quantity: 1, Items: [item] } })),
  },
};
const functionConfigs = Array.from({ length: FUNCTIONS }, (_, i) => ({
  file: `fn-${i}.json`,
  prefix: '',
  functionName: `edge-fn-${i}`,
  functionArn: arn(i),
  version: String(i + 1),
  raw: { FunctionName: `edge-fn-${i}`, FunctionArn: arn(i), Version: String(i + 1), Runtime: 'nodejs22.x', MemorySize: 128, Timeout: 5, CodeSize: 40_000, Role: `arn:aws:iam::${ACCOUNT}:role/edge-role-${i}`, State: 'Active', PackageType: 'Zip', Architectures: ['x86_64'] },
}));

const start = performance.now();
const cpuStart = process.cpuUsage();
const deployer = [parsePolicyDocument({ Version: '2012-10-17', Statement: statements() }, { file: 'bench.json', prefix: '', name: 'bench', kind: 'deployer-policy' })];
const trust = [parsePolicyDocument({ Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] }, Action: 'sts:AssumeRole' }] }, { file: 't.json', prefix: '', name: 't', kind: 'trust-policy', trust: true })];
const result = runCheck({ configFile: 'bench', distributionConfig, distributionId: 'E4EXAMPLE', deployer, trust, functionConfigs, now: new Date('2026-01-01T00:00:00Z') });
const wall = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
// CPU time of this process: on a shared, loaded machine wall-clock time measures the scheduler, not the check.
const value = (cpu.user + cpu.system) / 1000;
if (result.findings.length === 0) throw new Error('bench policy produced no findings; the scenario is not exercising the evaluator');

process.stdout.write(`${JSON.stringify({ name: 'check: 50 statements x 20 functions', unit: 'ms', value: Math.round(value * 100) / 100, target: 50, better: 'lower', wallMs: Math.round(wall * 100) / 100 })}\n`);
