/**
 * @module server — the viewer-facing listener, the control API and the server's lifecycle.
 */
export { startServer } from './start-server.js';
export type { ServeOptions, RunningServer } from './start-server.js';
/** interface.md › For programs and people: the edge in-process, for integration tests. */
export { startEdge } from './start-edge.js';
export type { StartEdgeOptions, StartedEdge } from './start-edge.js';
