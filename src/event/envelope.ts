import type { CfConfig, CfRequest, CfResponse, CfRequestEvent, CfResponseEvent } from './types.js';

const TODO = (): never => {
  throw new Error('not implemented');
};
/** §1.1: `{ Records: [{ cf: { config, request } }] }`. */
export function requestEvent(config: CfConfig, request: CfRequest): CfRequestEvent { return TODO(); }
export function responseEvent(config: CfConfig, request: CfRequest, response: CfResponse): CfResponseEvent { return TODO(); }
/** §1.2: 56 characters of URL-safe base64 ending in `==`. */
export function newRequestId(): string { return TODO(); }
