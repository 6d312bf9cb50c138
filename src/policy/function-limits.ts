/**
 * §4 / D28 / D50: memory, timeout and package size per event class. Viewer limits (128 MB, 5 s, 1 MB) are
 * warnings citing both the 2023 and the current quota page; above 30 s or 50 MB is an error for any trigger.
 */
import type { CheckedFunction, Finding, InputKind } from './types.js';

export const QUOTA_PAGES =
  'https://github.com/awsdocs/amazon-cloudfront-developer-guide/blob/5999c0d/doc_source/cloudfront-limits.md (2023: viewer 128 MB / 5 s / 1 MB) ' +
  'and https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html (current: 30 s / as Lambda / 50 MB)';

export const VIEWER_MEMORY_MB = 128;
export const VIEWER_TIMEOUT_S = 5;
export const VIEWER_PACKAGE_BYTES = 1_048_576;
export const MAX_TIMEOUT_S = 30;
export const MAX_PACKAGE_BYTES = 52_428_800;

export interface LimitValue {
  value: number;
  input: InputKind;
  file: string;
  /** JSON path or description of where the value was read. */
  field: string;
}

export interface LimitValues {
  memorySize?: LimitValue;
  timeout?: LimitValue;
  codeSize?: LimitValue;
}

function isViewer(fn: CheckedFunction): boolean {
  return fn.eventTypes.some((e) => e === 'viewer-request' || e === 'viewer-response');
}

function at(v: LimitValue, fn: CheckedFunction): Pick<Finding, 'input' | 'file' | 'statement' | 'function' | 'reference'> {
  return { input: v.input, file: v.file, statement: v.field, function: fn.id, reference: '§4 (D28)' };
}

/** §4 (D28, D50): one finding per limit exceeded, the error form winning over the viewer warning. */
export function checkFunctionLimits(fn: CheckedFunction, values: LimitValues): Finding[] {
  const out: Finding[] = [];
  const viewer = isViewer(fn);
  const why = fn.associated ? `it is associated with ${fn.eventTypes.join(', ')}` : 'it has no association, so viewer limits apply (D50)';
  const { memorySize, timeout, codeSize } = values;
  if (timeout && timeout.value > MAX_TIMEOUT_S) {
    out.push({
      ...at(timeout, fn),
      severity: 'error',
      code: 'FUNCTION_TIMEOUT_MAX',
      message: `timeout ${timeout.value} s exceeds the Lambda@Edge maximum of ${MAX_TIMEOUT_S} s`,
      awsMessage: `The function timeout is larger than the maximum allowed for functions that are triggered by a CloudFront event: ${timeout.value} Max allowed: ${MAX_TIMEOUT_S} Function: ${fn.id}`,
      fix: `Set Timeout to at most ${MAX_TIMEOUT_S} (${VIEWER_TIMEOUT_S} for viewer triggers).`,
    });
  } else if (timeout && viewer && timeout.value > VIEWER_TIMEOUT_S) {
    out.push({
      ...at(timeout, fn),
      severity: 'warning',
      code: 'FUNCTION_TIMEOUT_VIEWER',
      message: `timeout ${timeout.value} s is above the ${VIEWER_TIMEOUT_S} s viewer-trigger limit; ${why}`,
      awsMessage: `The function timeout is larger than the maximum allowed for functions that are triggered by a CloudFront event: ${timeout.value} Max allowed: ${VIEWER_TIMEOUT_S} Function: ${fn.id}`,
      fix: `Set Timeout to ${VIEWER_TIMEOUT_S} or less.`,
      hint: `Sources disagree: ${QUOTA_PAGES}; deploys were rejected with this text up to 2024.`,
    });
  }
  if (memorySize && viewer && memorySize.value > VIEWER_MEMORY_MB) {
    out.push({
      ...at(memorySize, fn),
      severity: 'warning',
      code: 'FUNCTION_MEMORY_VIEWER',
      message: `memory ${memorySize.value} MB is above the ${VIEWER_MEMORY_MB} MB viewer-trigger limit; ${why}`,
      awsMessage: `The function memory size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: ${memorySize.value} Max allowed: ${VIEWER_MEMORY_MB} Function: ${fn.id}`,
      fix: `Set MemorySize to ${VIEWER_MEMORY_MB}.`,
      hint: `Sources disagree: ${QUOTA_PAGES}; deploys were rejected with this text up to 2024.`,
    });
  }
  if (codeSize && codeSize.value > MAX_PACKAGE_BYTES) {
    out.push({
      ...at(codeSize, fn),
      severity: 'error',
      code: 'FUNCTION_CODE_SIZE_MAX',
      message: `the compressed package is ${codeSize.value} bytes, above the ${MAX_PACKAGE_BYTES}-byte Lambda@Edge maximum`,
      awsMessage: `The function code size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: ${codeSize.value} Max allowed: ${MAX_PACKAGE_BYTES}`,
      fix: 'Shrink the package (bundle and minify, drop dev dependencies).',
    });
  } else if (codeSize && viewer && codeSize.value > VIEWER_PACKAGE_BYTES) {
    out.push({
      ...at(codeSize, fn),
      severity: 'warning',
      code: 'FUNCTION_CODE_SIZE_VIEWER',
      message: `the compressed package is ${codeSize.value} bytes, above the ${VIEWER_PACKAGE_BYTES}-byte viewer-trigger limit; ${why}`,
      awsMessage: `The function code size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: ${codeSize.value} Max allowed: ${VIEWER_PACKAGE_BYTES}`,
      fix: 'Shrink the package to 1 MB (bundle and minify) or move the work to an origin trigger.',
      hint: `Sources disagree: ${QUOTA_PAGES}; deploys were rejected with this text in March 2024.`,
    });
  }
  return out;
}
