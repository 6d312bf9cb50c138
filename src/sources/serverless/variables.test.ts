import { describe, expect, it } from 'vitest';
import { parseYamlDocument } from '../shared/read-document.js';
import { VariableResolver } from './variables.js';

function resolver(yaml: string, variables: Record<string, string> = {}, env: Record<string, string> = {}) {
  const doc = parseYamlDocument(yaml, '/project/serverless.yml');
  const warnings: string[] = [];
  const r = new VariableResolver(doc, { variables, env, stage: () => variables.stage ?? 'dev', warn: (loc, message) => warnings.push(doc.warning(loc, message)) });
  return { doc, warnings, get: (path: string) => r.self(path, doc.at(...path.split('.'))) };
}

describe('serverless.yml variables (issue 10)', () => {
  it('self, opt and env with quoted and nested fallbacks; a whole-value variable keeps its type', () => {
    const { get } = resolver(
      "custom:\n  port: 8080\n  map: { dev: a.example.com, prod: b.example.com }\n  host: ${self:custom.map.${opt:stage, 'dev'}}\n  url: https://${self:custom.host}:${self:custom.port}\n  same: ${self:custom.port}\n  key: ${env:API_KEY, opt:apiKey, 'none'}\n",
      {},
      {},
    );
    expect(get('custom.host')).toBe('a.example.com');
    expect(get('custom.url')).toBe('https://a.example.com:8080');
    expect(get('custom.same')).toBe(8080);
    expect(get('custom.key')).toBe('none');
  });

  it('--var gives opt: and env: values, ahead of the environment', () => {
    const { get } = resolver("a: ${opt:stage}\nb: ${env:TOKEN}\nc: ${env:HOME_DIR}\n", { stage: 'prod', TOKEN: 'from-var' }, { TOKEN: 'from-env', HOME_DIR: '/h' });
    expect([get('a'), get('b'), get('c')]).toEqual(['prod', 'from-var', '/h']);
  });

  it('CloudFormation ${AWS::Region} and ${LogicalId} in Fn::Sub stay as written', () => {
    const { get } = resolver("s: { 'Fn::Sub': 'arn:aws:s3:::${Bucket}-${AWS::Region}' }\n");
    expect(get('s')).toEqual({ 'Fn::Sub': 'arn:aws:s3:::${Bucket}-${AWS::Region}' });
  });

  it('a missing opt: names the file, the line and the --var that fixes it; ssm: without a default is a warning', () => {
    const { get, warnings } = resolver("x: 1\nsecret: ${ssm:/app/secret}\nhost: ${opt:host}\n");
    expect(() => get('host')).toThrow(expect.objectContaining({ kind: 'NoDistribution', message: expect.stringMatching(/line 3.*--var host=VALUE/) }));
    expect(get('secret')).toBe('${ssm:/app/secret}');
    expect(warnings[0]).toMatch(/^\/project\/serverless\.yml: line 2 \(secret\): \$\{ssm:\/app\/secret\} is resolved at deploy/);
  });
});
