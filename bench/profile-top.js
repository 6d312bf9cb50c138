// Print the top self-time functions of a V8 CPU profile (`node --cpu-prof`), and the same grouped by package/file:
//   node bench/profile-top.js <file.cpuprofile> [count]
import { readFileSync } from 'node:fs';

const [file, countText = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-top.js <file.cpuprofile> [count]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const count = Number(countText);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const intervals = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (intervals[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (frame) => {
  const url = frame.url.replace(/^file:\/\//, '');
  const short = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.split('/').slice(-2).join('/');
  return short ? `${short}:${frame.lineNumber + 1}` : '';
};
const group = (frame) => {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return `(${frame.functionName || 'native'})`;
  if (url.includes('node_modules/')) {
    const rest = url.slice(url.lastIndexOf('node_modules/') + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return url.startsWith('node:') ? url : url.split('/').slice(-2).join('/');
};

const byFunction = new Map();
const byGroup = new Map();
for (const [id, micros] of self) {
  const frame = byId.get(id).callFrame;
  const key = `${frame.functionName || '(anonymous)'} ${where(frame)}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  byGroup.set(group(frame), (byGroup.get(group(frame)) ?? 0) + micros);
}
const print = (title, map) => {
  process.stdout.write(`\n${title} (total ${(total / 1000).toFixed(0)} ms)\n`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    process.stdout.write(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(1).padStart(8)} ms  ${key}\n`);
  }
};
// Inclusive time: a function's own samples plus its callees' (counted once per stack even when recursive).
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map();
for (const [id, micros] of self) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at).callFrame;
    if (!frame.url.includes('/dist/')) continue;
    const key = `${frame.functionName || '(anonymous)'} ${where(frame)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
}
print('self time by function', byFunction);
print('self time by file or package', byGroup);
print('inclusive time of edge-dev functions (dist/)', inclusive);
