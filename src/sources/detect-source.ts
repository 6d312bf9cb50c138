import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isObject } from '../config/index.js';
import { SourceError } from './source-error.js';
import type { SourceFormat } from './types.js';

/** A directory: a CDK cloud assembly (manifest.json, cdk:cloud-assembly-schema) or Terraform configuration (`*.tf`). */
export function directoryFormat(path: string): SourceFormat {
  if (existsSync(join(path, 'manifest.json'))) return 'cdk';
  if (existsSync(join(path, 'cdk.out', 'manifest.json'))) return 'cdk';
  if (readdirSync(path).some((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))) return 'terraform';
  throw new SourceError('UnreadableSource', path, '', 'is a directory with neither a CDK manifest.json (give the cdk.out directory) nor Terraform *.tf files.');
}

/** A parsed file: `terraform show -json` output, a template, serverless.yml, or a DistributionConfig. */
export function documentFormat(file: string, value: unknown): SourceFormat {
  if (/^serverless\.(ya?ml|json)$/.test(basename(file)) || (isObject(value) && typeof value.service === 'string' && isObject(value.provider))) return 'serverless';
  if (isObject(value) && typeof value.format_version === 'string' && ('values' in value || 'planned_values' in value)) return 'terraform-json';
  if (isObject(value) && isObject(value.Resources)) return 'cloudformation';
  if (isObject(value) && ('DistributionConfig' in value || 'Distribution' in value || 'Origins' in value)) return 'distribution-config';
  throw new SourceError(
    'UnreadableSource',
    file,
    '',
    'is not a source edge-dev reads: give a CloudFormation/SAM template (with Resources), the JSON of `terraform show -json`, a serverless.yml, a DistributionConfig, a CDK cloud assembly directory or a Terraform directory.',
  );
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new SourceError('UnreadableSource', path, '', 'does not exist: check the path.');
  }
}
