import { resolve } from 'node:path';
import { convertAssembly } from './cdk/convert-assembly.js';
import { convertTemplate } from './cloudformation/convert-template.js';
import { convertServerless } from './serverless/convert-serverless.js';
import { convertShowJson } from './terraform/convert-show-json.js';
import { directoryFormat, documentFormat, isDirectory } from './detect-source.js';
import { readDocument } from './shared/read-document.js';
import { unwrapDistributionConfig } from './shared/unwrap-distribution-config.js';
import type { SourceDocument } from './shared/source-document.js';
import type { ImportOptions, ImportResult, SourceConfig } from './types.js';

function emptyConfig(distribution: Record<string, unknown>): SourceConfig {
  return { distribution, functions: {}, cachePolicies: {}, originRequestPolicies: {}, responseHeadersPolicies: {}, keyValueStores: {} };
}

/** A DistributionConfig JSON as the config file accepts it, unwrapped from get-distribution(-config) output. */
function distributionConfig(doc: SourceDocument): SourceConfig {
  return emptyConfig(unwrapDistributionConfig(doc.value as Record<string, unknown>).config as Record<string, unknown>);
}

/**
 * interface.md › Distributions from infrastructure code: reads PATH (a template, a CDK cloud assembly, Terraform, a
 * serverless.yml or a DistributionConfig) and converts it to the configuration file's keys. Throws SourceError.
 */
export async function importSource(path: string, options: ImportOptions): Promise<ImportResult> {
  const absolute = resolve(path);
  const warnings: string[] = [];
  if (isDirectory(absolute)) {
    const format = directoryFormat(absolute);
    const files: string[] = [];
    if (format === 'cdk') return { format, config: convertAssembly(absolute, options, warnings, files), warnings, files };
    // 'terraform': the .tf files evaluated; the parser (WebAssembly) loads only here.
    const { convertTerraformDirectory } = await import('./terraform/hcl/index.js');
    const converted = await convertTerraformDirectory(absolute, options, warnings);
    return { format, config: converted.config, warnings, files: converted.files };
  }
  const doc = readDocument(absolute);
  const format = documentFormat(absolute, doc.value);
  switch (format) {
    case 'cloudformation':
      return { format, config: convertTemplate(doc, options, warnings), warnings, files: [absolute] };
    case 'terraform-json':
      return { format, config: convertShowJson(doc, options, warnings), warnings, files: [absolute] };
    case 'distribution-config':
      return { format, config: distributionConfig(doc), warnings, files: [absolute] };
    default: {
      // 'serverless', the one format documentFormat gives that is left; it may read a distribution's exported config.
      const files = [absolute];
      return { format, config: convertServerless(doc, options, warnings, files), warnings, files };
    }
  }
}
