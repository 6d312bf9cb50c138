import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isObject, type JsonLocation } from '../../config/index.js';
import { readDocument } from '../shared/read-document.js';
import type { SourceDocument } from '../shared/source-document.js';
import { unwrapDistributionConfig } from '../shared/unwrap-distribution-config.js';

/** A distribution that lives outside the service, as the user exported it. */
export interface ExportedDistribution {
  file: string;
  /** The API-shaped DistributionConfig, with DefaultCacheBehavior and CacheBehaviors checked. */
  config: Record<string, unknown>;
}

/** Where the exported config of a pre-existing distribution is expected: beside serverless.yml, named by its Id. */
export function exportedConfigFile(serviceFile: string, distributionId: string): string {
  return join(dirname(serviceFile), `distribution-config.${distributionId}.json`);
}

/**
 * The config of a distribution serverless.yml does not define (serverless-lambda-edge-pre-existing-cloudfront updates
 * it through the API at deploy): what `aws cloudfront get-distribution-config --id ID` printed, read from
 * `distribution-config.ID.json` beside serverless.yml. `where` is the event naming the distribution, for messages.
 */
export function readExportedDistribution(serviceDoc: SourceDocument, where: JsonLocation, distributionId: string): ExportedDistribution {
  const file = exportedConfigFile(serviceDoc.file, distributionId);
  const command = `aws cloudfront get-distribution-config --id ${distributionId} > ${basename(file)}`;
  if (!existsSync(file)) {
    throw serviceDoc.noDistribution(where, `distribution ${distributionId} is not defined in this service, so edge-dev reads its exported config from ${file}, which does not exist: run \`${command}\` beside serverless.yml.`);
  }
  const exported = readDocument(file);
  const { config, keys } = isObject(exported.value) ? unwrapDistributionConfig(exported.value) : { config: undefined, keys: [] };
  const expected = `expected the output of \`${command}\` (with "DistributionConfig") or the DistributionConfig itself`;
  if (!isObject(config) || !isObject(config.DefaultCacheBehavior)) {
    throw exported.unreadable(exported.at(...keys, 'DefaultCacheBehavior'), `is not the config of distribution ${distributionId}: no DefaultCacheBehavior object; ${expected}.`);
  }
  const behaviors = config.CacheBehaviors;
  if (behaviors !== undefined && !(isObject(behaviors) && (behaviors.Items === undefined || Array.isArray(behaviors.Items)))) {
    throw exported.unreadable(exported.at(...keys, 'CacheBehaviors'), `must be { "Quantity", "Items": [...] } as the API gives it; ${expected}.`);
  }
  return { file, config };
}
