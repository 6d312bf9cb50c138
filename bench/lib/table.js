function number(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'req/s') return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

function target(row) {
  const sign = row.better === 'higher' ? '≥' : '≤';
  const of = row.targetOf === 'ratio' ? '×' : ` ${row.unit}`;
  return `${sign} ${number(row.target, row.unit === 'req/s' ? '' : row.unit)}${of}`;
}

/** The results table: scenario, edge-dev, baseline, ratio, target, pass/fail. */
export function formatTable(rows) {
  const header = ['scenario', 'edge-dev', 'baseline', 'ratio', 'target', 'result'];
  const lines = rows.map((row) => [
    row.name,
    row.value === null ? '—' : `${number(row.value, row.unit)} ${row.unit}`,
    row.baseline === null ? '—' : `${number(row.baseline, row.unit)} ${row.unit}`,
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    target(row),
    row.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)];
  for (const row of rows) if (row.detail) out.push(`  ${row.name}: ${row.detail}`);
  return out.join('\n');
}
