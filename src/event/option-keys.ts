import { didYouMean } from './did-you-mean.js';
import { ConfigError } from './errors.js';

/**
 * Issue 12: options objects (event builders, `invoke()`, fixture files) refuse keys they do not know, naming the
 * closest known one: `{ ur: '/x' }` would otherwise run silently against the default `/`.
 */
export function checkOptionKeys(given: object, known: readonly string[], source: string, field = ''): void {
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    const suggestion = didYouMean(key, known);
    const hint = suggestion ? `did you mean "${suggestion}"?` : `known: ${known.join(', ')}`;
    throw new ConfigError(source, field ? `${field}.${key}` : key, `unknown option "${key}"; ${hint}`);
  }
}
