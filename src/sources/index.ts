/**
 * @module sources — distributions from infrastructure code (issue 10): CloudFormation/SAM, CDK cloud assemblies,
 * Terraform and serverless.yml converted to the configuration file's keys.
 */
/** Reads a source and converts it to `distribution`, `functions` and the policies. */
export { importSource } from './import-source.js';
/** Why a source gives no configuration, with its kind (unreadable: exit 2; no distribution: exit 1). */
export { SourceError } from './source-error.js';
export type { SourceErrorKind } from './source-error.js';
export type { ImportOptions, ImportResult, SourceConfig, SourceFormat } from './types.js';
