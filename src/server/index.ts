/**
 * @module server — the viewer-facing listener, the control API and the server's lifecycle.
 */
export { startServer } from './start-server.js';
export type { ServeOptions, RunningServer } from './start-server.js';
