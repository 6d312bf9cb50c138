import type { CfRequest, LambdaEventType } from '../types.js';
import { describe, warning } from './fail.js';

/**
 * §3.1 (D3): `method` and `clientIp` are read-only in request events, and `origin` exists only in origin-request:
 * changes are ignored with a warning, never an error.
 */
export function warnReadOnlyRequestFields(
  eventType: LambdaEventType,
  before: CfRequest,
  result: Record<string, unknown>,
  warnings: string[],
): void {
  const { method, clientIp, origin } = result;
  if (method !== undefined && method !== before.method) {
    warnings.push(warning(eventType, `request.method was changed to ${describe(method)}; it is read-only, the change is ignored`, '§3.1, D3'));
  }
  if (clientIp !== undefined && clientIp !== before.clientIp) {
    warnings.push(warning(eventType, `request.clientIp was changed to ${describe(clientIp)}; it is read-only, the change is ignored`, '§3.1, D3'));
  }
  if (eventType === 'viewer-request' && origin !== undefined) {
    warnings.push(warning(eventType, 'request.origin was set, but only origin-request can choose the origin; it is ignored', '§3.1, D3'));
  }
}
