import { buildEvent } from '../event/index.js';
import type { CfResponseEvent, EventOptions, ViewerEventType } from '../event/index.js';
import { functionEvent, functionRequestOf, functionResponseOf } from './to-function-event.js';
import type { FunctionEvent } from './types.js';

/**
 * A CloudFront Functions event (`version: "1.0"`) with the realistic defaults of the Lambda@Edge builders.
 *
 * @example
 * const event = cloudFrontFunctionEvent('viewer-request', { uri: '/docs/', headers: { cookie: 'a=1' } });
 */
export function cloudFrontFunctionEvent(eventType: ViewerEventType, options: EventOptions = {}): FunctionEvent {
  const built = buildEvent(eventType, options);
  const { config, request } = built.Records[0].cf;
  const response = (built as CfResponseEvent).Records[0].cf.response;
  const context = { distributionDomainName: config.distributionDomainName, distributionId: config.distributionId, eventType, requestId: config.requestId };
  return functionEvent(
    context,
    request.clientIp,
    functionRequestOf(request),
    response && functionResponseOf({ status: Number(response.status), statusDescription: response.statusDescription, headers: response.headers, body: Buffer.alloc(0) }),
  );
}

