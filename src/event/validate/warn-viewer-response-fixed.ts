import type { CfResponse } from '../types.js';
import { describe, warning } from './fail.js';

/**
 * §3.1 (D3, D4, D5): viewer-response may change only `response.headers`. A changed `status` (D4) or
 * `statusDescription` (D3), or a `body` (D5), is not applied; each gives a warning.
 */
export function warnViewerResponseFixed(before: CfResponse, result: Record<string, unknown>, warnings: string[]): void {
  const { status, statusDescription } = result;
  const same = status === undefined || status === before.status || (typeof status === 'number' && String(status) === before.status);
  if (!same) {
    warnings.push(
      warning('viewer-response', `response.status was changed to ${describe(status)}; viewer-response cannot change the status, ${before.status} is sent`, '§1.9, D4'),
    );
  }
  if (statusDescription !== undefined && statusDescription !== before.statusDescription) {
    warnings.push(warning('viewer-response', 'response.statusDescription is read-only in viewer-response; the change is ignored', '§3.1, D3'));
  }
  if (Object.hasOwn(result, 'body') || Object.hasOwn(result, 'bodyEncoding')) {
    warnings.push(warning('viewer-response', 'response.body was set, but a Lambda@Edge viewer-response cannot replace the body; it is ignored', '§3.1, D5'));
  }
}
