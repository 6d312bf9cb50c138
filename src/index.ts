/**
 * @module edge-dev — programmatic entry points. Test helpers are in `edge-dev/testing`.
 */
export { loadConfig } from './config/index.js';
export { buildEvent } from './event/index.js';
