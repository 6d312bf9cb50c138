/**
 * §10.1: Lambda@Edge supports Lambda's Node.js and Python runtimes (the current guide defers to Lambda's list).
 * Data from lambda:lambda-runtimes as of RUNTIME_TABLE_DATE; `deprecated` is Lambda's deprecation date,
 * after which the check reports an error.
 */

export const RUNTIME_TABLE_DATE = '2026-02-01';

export const EDGE_RUNTIMES: ReadonlyMap<string, { deprecated: string }> = new Map([
  ['nodejs24.x', { deprecated: '2028-04-30' }],
  ['nodejs22.x', { deprecated: '2027-04-30' }],
  ['nodejs20.x', { deprecated: '2026-04-30' }],
  ['nodejs18.x', { deprecated: '2025-09-01' }],
  ['nodejs16.x', { deprecated: '2024-06-12' }],
  ['nodejs14.x', { deprecated: '2023-12-04' }],
  ['nodejs12.x', { deprecated: '2023-03-31' }],
  ['python3.14', { deprecated: '2029-06-30' }],
  ['python3.13', { deprecated: '2029-06-30' }],
  ['python3.12', { deprecated: '2028-10-31' }],
  ['python3.11', { deprecated: '2026-06-30' }],
  ['python3.10', { deprecated: '2026-06-30' }],
  ['python3.9', { deprecated: '2025-12-15' }],
  ['python3.8', { deprecated: '2024-10-14' }],
  ['python3.7', { deprecated: '2023-12-04' }],
]);

export type RuntimeVerdict =
  | { ok: true }
  | { ok: true; warning: string }
  | { ok: false; reason: string };

const DAY = 86_400_000;

/** §10.1: a non-deprecated `nodejsNN.x` or `python3.NN`. */
export function judgeRuntime(runtime: string, now: Date): RuntimeVerdict {
  const entry = EDGE_RUNTIMES.get(runtime);
  if (entry) {
    const deprecated = Date.parse(`${entry.deprecated}T00:00:00Z`);
    if (now.getTime() >= deprecated) {
      return { ok: false, reason: `${runtime} was deprecated by Lambda on ${entry.deprecated}` };
    }
    if (deprecated - now.getTime() < 180 * DAY) {
      return { ok: true, warning: `${runtime} is deprecated by Lambda on ${entry.deprecated}; plan the upgrade` };
    }
    return { ok: true };
  }
  if (/^nodejs\d+\.x$/.test(runtime) || /^python3\.\d+$/.test(runtime)) {
    return {
      ok: true,
      warning: `${runtime} is not in edge-dev's runtime table (dated ${RUNTIME_TABLE_DATE}); check that Lambda lists it`,
    };
  }
  return { ok: false, reason: `${runtime} is not a Node.js or Python runtime; Lambda@Edge supports only those` };
}

/** The runtimes supported on `now`, for messages. */
export function supportedRuntimes(now: Date): string[] {
  return [...EDGE_RUNTIMES].filter(([, e]) => Date.parse(`${e.deprecated}T00:00:00Z`) > now.getTime()).map(([r]) => r);
}
