/**
 * Result rows, as written to bench/results/latest.json:
 * { name, unit, value, baseline, ratio, target, better, targetOf, pass, detail }.
 * `targetOf` says whether `target` bounds `ratio` (edge-dev / baseline) or `value`; `pass` applies it.
 */

/** Throughput against a baseline measured in the same run: pass when value / baseline ≥ target. */
export function ratioRow(name, unit, value, baseline, target, detail) {
  const ratio = value / baseline;
  return { name, unit, value, baseline, ratio, target, better: 'higher', targetOf: 'ratio', pass: ratio >= target, ...(detail ? { detail } : {}) };
}

/**
 * An absolute bound on the value (lower is better); the baseline, if any, is printed beside it. `ratio` (value ÷
 * baseline) only where it reads as something (RSS against the budget), not for an overhead over a direct call.
 */
export function boundRow(name, unit, value, target, { baseline = null, detail, withRatio = false } = {}) {
  const ratio = withRatio && baseline !== null && baseline !== 0 ? value / baseline : null;
  return { name, unit, value, baseline, ratio, target, better: 'lower', targetOf: 'value', pass: value <= target, ...(detail ? { detail } : {}) };
}

/** A cost against the physical floor measured in the same run: pass when value / baseline ≤ target. */
export function overheadRow(name, unit, value, baseline, target, detail) {
  const ratio = value / baseline;
  return { name, unit, value, baseline, ratio, target, better: 'lower', targetOf: 'ratio', pass: ratio <= target, ...(detail ? { detail } : {}) };
}

/** A scenario that could not be measured: it fails, with the reason. */
export function failedRow(name, unit, target, better, targetOf, error) {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { name, unit, value: null, baseline: null, ratio: null, target, better, targetOf, pass: false, detail: `not measured: ${reason}` };
}
