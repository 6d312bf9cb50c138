import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../event/errors.js';
import { readRawConfig } from './load-config.js';

const distributionConfig = {
  CallerReference: 'x',
  Origins: { Quantity: 1, Items: [{ Id: 'app', DomainName: 'app.example.com' }] },
  DefaultCacheBehavior: { TargetOriginId: 'app', ViewerProtocolPolicy: 'allow-all' },
  Enabled: true,
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edge-dev-raw-'));
});

async function write(name: string, json: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return file;
}

describe('readRawConfig', () => {
  it('reads an inline DistributionConfig with defaults for id and domain', async () => {
    const file = await write('inline.json', { distribution: distributionConfig, functions: { auth: './auth.js' } });
    const raw = await readRawConfig(file);
    expect(raw.file).toBe(file);
    expect(raw.distributionConfig.CallerReference).toBe('x');
    expect(raw.distributionId).toBe('EDFDVBD6EXAMPLE');
    expect(raw.domainName).toBe('d111111abcdef8.cloudfront.net');
    expect(raw.functions).toEqual({ auth: './auth.js' });
  });

  it('unwraps get-distribution-config output given as a relative path', async () => {
    await write('dist.json', { ETag: 'E2QWRUHAPOMQZL', DistributionConfig: distributionConfig });
    const file = await write('by-path.json', { distribution: './dist.json', distributionId: 'E123', domainName: 'D1.cloudfront.net' });
    const raw = await readRawConfig(file);
    expect(raw.distributionConfig.Enabled).toBe(true);
    expect(raw.distributionFile).toBe(join(dir, 'dist.json'));
    expect(raw.distributionId).toBe('E123');
    expect(raw.domainName).toBe('d1.cloudfront.net');
    expect(raw.functions).toEqual({});
  });

  it('warns about an unknown top-level key with a suggestion', async () => {
    const file = await write('typo.json', { distribution: distributionConfig, function: {} });
    const raw = await readRawConfig(file);
    expect(raw.warnings).toEqual([expect.stringContaining('function: unknown key "function" is ignored; did you mean "functions"?')]);
  });

  it('throws ConfigError naming the missing distribution file', async () => {
    const file = await write('missing.json', { distribution: './nope.json' });
    await expect(readRawConfig(file)).rejects.toThrow(ConfigError);
    await expect(readRawConfig(file)).rejects.toThrow(/nope\.json: cannot read the distribution file .*file not found/);
  });

  it('throws ConfigError for a config file that does not exist', async () => {
    await expect(readRawConfig(join(dir, 'absent.json'))).rejects.toMatchObject({ name: 'ConfigError', field: '' });
  });

  it('throws ConfigError naming the field for a wrong type', async () => {
    const file = await write('bad-functions.json', { distribution: distributionConfig, functions: ['x'] });
    await expect(readRawConfig(file)).rejects.toMatchObject({ file, field: 'functions' });
  });

  it('rejects a distribution that is not one', async () => {
    const file = await write('not-dist.json', { distribution: { Foo: 1 } });
    await expect(readRawConfig(file)).rejects.toMatchObject({ field: 'distribution' });
  });

  it('reports malformed JSON with line and column', async () => {
    const file = await write('malformed.json', '{\n  "distribution": {},\n}\n');
    await expect(readRawConfig(file)).rejects.toThrow(/line 3, column 1/);
  });
});
