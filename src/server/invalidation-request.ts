import { invalidationPathProblem } from '../cache/index.js';
import type { ApiError } from './api-error.js';
import { parseXml } from './xml.js';

/** §4, dg:InvalidationLimits: at most 3,000 paths in progress, so at most 3,000 in one batch. */
export const MAX_PATHS_PER_INVALIDATION = 3000;

export interface InvalidationBatch {
  paths: string[];
  callerReference: string;
}

const LISTS = new Set(['InvalidationBatch.Paths.Items.Path']);

function malformed(message: string): ApiError {
  return { status: 400, code: 'MalformedXML', message };
}

// The model's constraint messages, as the API words a missing member.
function missing(member: string): ApiError {
  return malformed(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
}

/**
 * api:CreateInvalidation: the `InvalidationBatch` body, checked as the API checks it, each failure with the API's
 * code and status (MissingBody, MalformedXML, InconsistentQuantities, BatchTooLarge, InvalidArgument).
 */
export function readInvalidationBatch(text: string): InvalidationBatch | ApiError {
  if (text.trim() === '') {
    return { status: 400, code: 'MissingBody', message: 'This operation requires a body. Ensure that the body is present and the Content-Type header is set.' };
  }
  const parsed = parseXml(text, 'InvalidationBatch', LISTS);
  if (!parsed.ok) return malformed(parsed.message);
  const batch = parsed.value;
  const callerReference = batch.CallerReference;
  if (typeof callerReference !== 'string' || callerReference === '') return missing('invalidationBatch.callerReference');
  const paths = batch.Paths;
  if (paths === null || typeof paths !== 'object') return missing('invalidationBatch.paths');
  const { Quantity: quantityText, Items: items } = paths as Record<string, unknown>;
  if (typeof quantityText !== 'string' || !/^\d+$/.test(quantityText.trim())) return missing('invalidationBatch.paths.quantity');
  const list = items !== null && typeof items === 'object' ? (items as { Path?: unknown[] }).Path ?? [] : [];
  const quantity = Number(quantityText.trim());
  if (quantity !== list.length) return { status: 400, code: 'InconsistentQuantities', message: "The value of Quantity and the size of Items don't match." };
  if (quantity > MAX_PATHS_PER_INVALIDATION) return { status: 413, code: 'BatchTooLarge', message: 'Invalidation batch specified is too large.' };
  if (quantity === 0) return { status: 400, code: 'InvalidArgument', message: 'Your request contains no invalidation paths.' };
  for (let i = 0; i < list.length; i++) {
    const problem = invalidationPathProblem(list[i]);
    if (problem !== undefined) {
      return {
        status: 400,
        code: 'InvalidArgument',
        message: `Your request contains one or more invalid invalidation paths. (edge-dev: Paths.Items[${i}]: ${problem}.)`,
      };
    }
  }
  return { paths: list as string[], callerReference };
}
