import { isObject } from '../../config/index.js';

/**
 * The DistributionConfig inside what a user exported: `aws cloudfront get-distribution-config` output (beside ETag),
 * `get-distribution` output (under Distribution), or the DistributionConfig itself. `keys` lead to it, for messages.
 */
export function unwrapDistributionConfig(value: Record<string, unknown>): { config: unknown; keys: string[] } {
  if (isObject(value.DistributionConfig)) return { config: value.DistributionConfig, keys: ['DistributionConfig'] };
  if (isObject(value.Distribution) && isObject(value.Distribution.DistributionConfig)) return { config: value.Distribution.DistributionConfig, keys: ['Distribution', 'DistributionConfig'] };
  return { config: value, keys: [] };
}
