import { ServerResponse } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** A response written straight to a socket node handed over for an upgrade; the connection closes after it. */
export function responseOn(req: IncomingMessage, socket: Socket): ServerResponse {
  const res = new ServerResponse(req);
  res.assignSocket(socket);
  res.shouldKeepAlive = false;
  res.once('finish', () => socket.end());
  return res;
}

// dg:distribution-working-with.websockets: "If CloudFront hasn't detected any bytes sent from the origin to the
// client within the past 10 minutes, the connection is assumed to be idle and is closed."
const WEBSOCKET_IDLE_MS = 10 * 60 * 1000;

/** Issue 9: the viewer's and the origin's connections joined, each end closing the other. */
export function joinSockets(viewer: Socket, viewerHead: Buffer, head101: string, origin: Duplex, originHead: Buffer): void {
  const close = () => {
    viewer.destroy();
    origin.destroy();
  };
  origin.on('error', close);
  viewer.on('error', close);
  viewer.write(head101);
  if (originHead.length > 0) viewer.write(originHead);
  if (viewerHead.length > 0) origin.write(viewerHead);
  origin.pipe(viewer);
  viewer.pipe(origin);
  origin.on('close', close);
  viewer.on('close', close);
  // Any traffic restarts the idle clock (CloudFront counts origin-to-viewer bytes only; close enough locally).
  viewer.setTimeout(WEBSOCKET_IDLE_MS, close);
}
