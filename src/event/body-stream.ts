import type { HttpResponse } from './types.js';

/** The whole body of a response, streamed or not (for tests, and for the few places that need it whole). */
export async function readBody(response: HttpResponse): Promise<Buffer> {
  if (response.stream === undefined) return response.body;
  const chunks: Buffer[] = [];
  for await (const chunk of response.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A response that will not be sent (failover, a stale copy served instead, a replaced body): stop its origin read. */
export function discardBody(response: HttpResponse): void {
  response.stream?.destroy();
}
