/**
 * @module edge-dev — programmatic entry points. Test helpers are in `edge-dev/testing`.
 */
export { loadConfig } from './config/index.js';
export { buildEvent } from './event/index.js';
/** The same edge as `edge-dev serve`, in-process: `const edge = await startEdge({ config: 'edge-dev.config.json' })`. */
export { startEdge } from './server/index.js';
export type { StartEdgeOptions, StartedEdge } from './server/index.js';
