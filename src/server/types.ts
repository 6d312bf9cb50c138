import type { EdgeDeps } from '../edge/index.js';

/** The current distribution's parts; swapped whole when the config reloads. */
export interface EdgeHolder {
  deps: EdgeDeps;
}
