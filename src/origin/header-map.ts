import type { CfHeaders } from '../event/types.js';

/** An empty header map without a prototype: a viewer can send `__proto__` or `constructor`. */
export function emptyHeaders(): CfHeaders {
  return Object.create(null) as CfHeaders;
}
