/**
 * Issue 12: the request inspector, one self-contained HTML page (no build step), served by the control API at `/`.
 * It lists requests live (server-sent events), filters by path, status and X-Cache, and shows for one request its
 * route and stage times, each function's event and result (as a line diff) with its logs, the cache decision, the
 * origin exchange and CloudFront's error with its rule.
 */
export const INSPECTOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>edge-dev request inspector</title>
<style>
body { font: 13px/1.4 system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 46% 54%; height: 100vh; color: #1d1d1f; }
header { grid-column: 1 / 3; padding: 8px 12px; background: #232f3e; color: #fff; display: flex; gap: 12px; align-items: center; }
header h1 { font-size: 15px; margin: 0 12px 0 0; }
header input, header select { font: inherit; padding: 2px 6px; }
#list { overflow: auto; border-right: 1px solid #ddd; }
#detail { overflow: auto; padding: 8px 14px; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; padding: 3px 8px; border-bottom: 1px solid #eee; white-space: nowrap; }
tr.row { cursor: pointer; } tr.row:hover, tr.selected { background: #eef5ff; }
.s2 { color: #1a7f37; } .s3 { color: #0969da; } .s4 { color: #9a6700; } .s5 { color: #cf222e; font-weight: 600; }
pre { background: #f6f8fa; padding: 6px 8px; overflow: auto; margin: 4px 0 10px; }
.add { background: #dafbe1; } .del { background: #ffebe9; }
h2 { font-size: 14px; margin: 14px 0 4px; } h3 { font-size: 13px; margin: 10px 0 2px; }
.stage { display: inline-block; background: #eef; border-radius: 3px; padding: 0 5px; margin: 1px 3px 1px 0; }
.error { color: #cf222e; }
</style></head>
<body>
<header><h1>edge-dev request inspector</h1>
<input id="path" placeholder="path contains"> <input id="status" placeholder="status (e.g. 5)" size="8">
<select id="xcache"><option value="">any X-Cache</option><option>Hit</option><option>Miss</option><option>RefreshHit</option><option>Error</option><option>LambdaGeneratedResponse</option><option>FunctionGeneratedResponse</option><option>LambdaValidationError</option><option>LambdaExecutionError</option><option>Redirect</option></select>
<span id="count"></span></header>
<div id="list"><table><thead><tr><th>time</th><th>method</th><th>path</th><th>status</th><th>X-Cache</th><th>ttfb</th></tr></thead><tbody id="rows"></tbody></table></div>
<div id="detail"><p>Send a request through the edge; it appears here as it finishes. Click one for its trace.</p></div>
<script>
const records = [];
let selected = null;
const $ = (id) => document.getElementById(id);
const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const token = (x) => (x || '').replace(' from cloudfront', '');
function visible(r) {
  const path = $('path').value, status = $('status').value.trim(), xcache = $('xcache').value;
  return (!path || r.url.includes(path)) && (!status || String(r.status).startsWith(status)) && (!xcache || token(r.xCache) === xcache);
}
function renderList() {
  const shown = records.filter(visible);
  $('count').textContent = shown.length + ' of ' + records.length + ' requests (the last 200 are kept)';
  $('rows').innerHTML = shown.slice().reverse().map((r) => '<tr class="row' + (r === selected ? ' selected' : '') + '" data-id="' + esc(r.requestId) + '"><td>' + esc(new Date(r.time).toISOString().slice(11, 23)) + '</td><td>' + esc(r.method) + '</td><td>' + esc(r.url) + '</td><td class="s' + String(r.status)[0] + '">' + r.status + '</td><td>' + esc(token(r.xCache)) + '</td><td>' + (r.firstByteMs ?? 0).toFixed(1) + ' ms</td></tr>').join('');
}
function lineDiff(before, after) {
  const a = JSON.stringify(before, null, 2).split('\\n'), b = JSON.stringify(after, null, 2).split('\\n');
  const inA = new Set(a), inB = new Set(b);
  return a.filter((line) => !inB.has(line)).map((line) => '<span class="del">- ' + esc(line) + '</span>').concat(
    b.map((line) => inA.has(line) ? '  ' + esc(line) : '<span class="add">+ ' + esc(line) + '</span>')).join('\\n');
}
function given(fn) { const cf = fn.event.Records[0].cf; return fn.eventType.endsWith('request') ? cf.request : cf.response; }
function renderDetail(r) {
  const parts = ['<h2>' + esc(r.method + ' ' + r.url) + ' → <span class="s' + String(r.status)[0] + '">' + r.status + '</span> ' + esc(r.xCache || '') + '</h2>',
    '<div>behavior <b>' + esc(r.behavior) + '</b>' + (r.host ? ' · Host ' + esc(r.host) : '') + ' · request id ' + esc(r.requestId) + ' · time to first byte ' + (r.firstByteMs ?? 0).toFixed(1) + ' ms · ' + (r.bytes ?? 0) + ' bytes</div>',
    '<h2>route</h2><div>' + (r.stages.map((s) => '<span class="stage">' + esc(s) + '</span>').join(' → ') || '(served directly)') + '</div>'];
  if (r.error) parts.push('<h2 class="error">CloudFront error: ' + esc(r.error.kind) + ' (' + r.error.status + ')</h2><pre>' + esc(r.error.message + (r.error.detail ? '\\n' + r.error.detail : '')) + '</pre>');
  for (const fn of r.functions) {
    parts.push('<h2>' + esc(fn.eventType) + ': ' + esc(fn.name) + ' (' + fn.durationMs.toFixed(1) + ' ms)</h2><h3>event given</h3><pre>' + esc(JSON.stringify(fn.event, null, 2)) + '</pre>');
    parts.push(fn.error ? '<h3 class="error">failed: ' + esc(fn.error.kind) + '</h3><pre>' + esc(fn.error.detail || fn.error.message) + '</pre>' : '<h3>returned (diff against what it was given)</h3><pre>' + lineDiff(given(fn), fn.result) + '</pre>');
    if (fn.logs.length) parts.push('<h3>logs</h3><pre>' + esc(fn.logs.join('\\n')) + '</pre>');
  }
  if (r.cache) parts.push('<h2>cache</h2><pre>' + esc('key: ' + (r.cache.key || '(not cacheable)') + (r.cache.decision ? '\\n' + r.cache.decision : '')) + '</pre>');
  if (r.origin) parts.push('<h2>origin</h2><h3>request as sent</h3><pre>' + esc(JSON.stringify(r.origin.request, null, 2)) + '</pre><h3>answered ' + r.origin.status + '</h3><pre>' + esc(JSON.stringify(r.origin.headers, null, 2)) + '</pre>');
  if (r.warnings.length) parts.push('<h2>warnings</h2><pre>' + esc(r.warnings.join('\\n')) + '</pre>');
  $('detail').innerHTML = parts.join('');
}
$('rows').addEventListener('click', (event) => {
  const row = event.target.closest('tr.row');
  if (!row) return;
  selected = records.find((r) => r.requestId === row.dataset.id) || null;
  renderList();
  if (selected) renderDetail(selected);
});
for (const id of ['path', 'status', 'xcache']) $(id).addEventListener('input', renderList);
const seen = new Set();
function add(r) {
  if (seen.has(r.requestId)) return;
  seen.add(r.requestId);
  records.push(r);
  if (records.length > 200) seen.delete(records.shift().requestId);
  records.sort((x, y) => x.time - y.time);
  renderList();
}
// Live first, then the history: nothing that finishes in between is missed (duplicates are dropped).
const live = new EventSource('inspector/events');
live.addEventListener('request', (event) => add(JSON.parse(event.data)));
live.addEventListener('open', () => {
  document.body.dataset.live = 'true';
  fetch('inspector/requests').then((response) => response.json()).then((list) => list.forEach(add));
});
</script></body></html>
`;
