/**
 * The page's own style and script, inlined by to-html.ts: no CDN, no external file, so the page
 * opens offline and from a CI artifact. The script only reads the SVG's ids and classes and the
 * graph data embedded as JSON.
 */

export const PAGE_STYLE = `
body { font: 14px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; background: #fff; }
header { padding: 12px 20px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
h1 { font-size: 18px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 16px 0 6px; }
.summary { color: #57606a; }
.bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
#search { font-size: 14px; padding: 5px 8px; width: 22em; border: 1px solid #8c959f; border-radius: 6px; }
#status { color: #0969da; font-weight: 600; }
main { display: flex; gap: 16px; padding: 12px 20px; align-items: flex-start; }
#graph { flex: 1; overflow: auto; border: 1px solid #d0d7de; border-radius: 6px; max-height: 78vh; background: #fff; }
#graph svg { display: block; }
aside { width: 260px; flex: none; font-size: 12px; }
.legend-row { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.swatch { width: 28px; height: 14px; border: 2px solid #57606a; border-radius: 3px; flex: none; box-sizing: border-box; }
.line { width: 28px; height: 0; border-top: 2px solid #57606a; flex: none; }
table { border-collapse: collapse; font-size: 12px; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
tr.hl td { background: #ddf4ff; }
tr.added td { background: #dafbe1; } tr.removed td { background: #ffebe9; text-decoration: line-through; } tr.changed td { background: #fff8c5; }
.tables { padding: 0 20px 20px; }
svg.dim g.node, svg.dim g.edge { opacity: 0.18; }
svg.dim g.node.hl, svg.dim g.edge.hl { opacity: 1; }
g.node.hl polygon, g.node.hl path, g.node.hl ellipse { stroke: #0969da; stroke-width: 4px; }
g.edge.hl path { stroke-width: 3px; }
`;

/**
 * Search: the first rule whose key or name contains the text (an exact match first) is
 * highlighted with its chain: the rules that fall back into it, its own fallback chain, and the
 * targets those rules send to. Everything else is dimmed; the status line says what is lit.
 */
export const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var svg = document.querySelector("#graph svg");
  var input = document.getElementById("search");
  var status = document.getElementById("status");
  var byId = {};
  data.rules.forEach(function (r) { byId[r.id] = r; });
  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) return null;
    var exact = data.rules.filter(function (r) { return r.key.toLowerCase() === q || r.name.toLowerCase() === q; })[0];
    return exact || data.rules.filter(function (r) { return (r.key + " " + r.name).toLowerCase().indexOf(q) >= 0; })[0] || null;
  }
  function chainOf(rule) {
    var lit = {}; var edges = {}; var order = [];
    var v = rule.id;
    while (v && !lit[v]) { lit[v] = true; order.push(v); var out = data.fallback[v]; if (out) edges[out.edge] = true; v = out && out.to; }
    if (v && byId[v]) order.push(v);
    var queue = [rule.id];
    for (var i = 0; i < queue.length; i++) {
      (data.fallsInto[queue[i]] || []).forEach(function (p) { edges[p.edge] = true; if (!lit[p.from]) { lit[p.from] = true; queue.push(p.from); } });
    }
    Object.keys(lit).forEach(function (id) { (data.sends[id] || []).forEach(function (s) { lit[s.to] = true; edges[s.edge] = true; }); });
    return { nodes: lit, edges: edges, order: order };
  }
  function clear() {
    svg.classList.remove("dim");
    Array.prototype.forEach.call(document.querySelectorAll(".hl"), function (el) { el.classList.remove("hl"); });
  }
  function show() {
    clear();
    var rule = find(input.value);
    if (!input.value.trim()) { status.textContent = ""; return; }
    if (!rule) { status.textContent = "no rule matches " + JSON.stringify(input.value.trim()); return; }
    var chain = chainOf(rule);
    svg.classList.add("dim");
    Object.keys(chain.nodes).forEach(function (id) {
      var el = document.getElementById(id); if (el) el.classList.add("hl");
      var row = document.getElementById("row-" + id); if (row) row.classList.add("hl");
    });
    Object.keys(chain.edges).forEach(function (id) { var el = document.getElementById(id); if (el) el.classList.add("hl"); });
    status.textContent = rule.key + ": chain " + chain.order.map(function (id) { return byId[id] ? byId[id].key : id; }).join(" -> ") +
      " (" + Object.keys(chain.nodes).length + " nodes lit)";
    var first = document.getElementById(rule.id);
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "center", inline: "center" });
  }
  input.addEventListener("input", show);
  if (input.value) show();
})();
`;
