import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createControlApi } from './control-api.js';
import type { EdgeHolder } from './types.js';
import type { InspectorRing } from './inspector-ring.js';

/** The control API on its own port. Loaded after the edge listens: hono and its adapter are ~60 ms of start-up. */
export async function listenControlApi(holder: EdgeHolder, port: number, hostname: string, inspector?: InspectorRing): Promise<Server> {
  const control = serve({ fetch: createControlApi(holder, inspector).fetch, port, hostname }) as Server;
  await new Promise<void>((resolve, reject) => {
    if (control.listening) return resolve();
    control.once('listening', resolve).once('error', reject);
  });
  return control;
}
