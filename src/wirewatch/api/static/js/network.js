// Actor network: nodes are actors, directed edges carry event counts; an edge is green when
// cooperation dominates, red when conflict does, and its width grows with the count.
// Layout: a small deterministic force simulation (same data, same picture).

import { el, svg, fmt, tooltip } from "./dom.js";
import { balanceColour, COOPERATION, CONFLICT, NEUTRAL } from "./palette.js";
import { hashFor, withParams } from "./state.js";

const W = 520, H = 420, PAD = 34;

function layout(names, edges) {
  const n = names.length;
  const pos = new Map(names.map((name, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    return [name, { x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a), dx: 0, dy: 0 }];
  }));
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.55;
  for (let step = 0; step < 300; step++) {
    const heat = 0.1 * (1 - step / 300) + 0.005;
    for (const p of pos.values()) { p.dx = 0; p.dy = 0; }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = pos.get(names[i]), b = pos.get(names[j]);
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = (k * k) / d;
      dx /= d; dy /= d;
      a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
    }
    for (const e of edges) {
      const a = pos.get(e.source), b = pos.get(e.target);
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = (d * d) / k * (0.6 + Math.log2(1 + e.events) * 0.15);
      dx /= d; dy /= d;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const p of pos.values()) {
      p.dx += (W / 2 - p.x) * 0.02 * k; p.dy += (H / 2 - p.y) * 0.02 * k;
      const d = Math.max(1, Math.hypot(p.dx, p.dy));
      const move = Math.min(d, heat * W);
      p.x = Math.min(W - PAD, Math.max(PAD, p.x + (p.dx / d) * move));
      p.y = Math.min(H - PAD, Math.max(PAD, p.y + (p.dy / d) * move));
    }
  }
  // Stretch the result to fill the box: small graphs otherwise huddle in the middle.
  const xs = [...pos.values()].map((p) => p.x), ys = [...pos.values()].map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const p of pos.values()) {
    p.x = x1 > x0 ? PAD + ((p.x - x0) / (x1 - x0)) * (W - 2 * PAD) : W / 2;
    p.y = y1 > y0 ? PAD + ((p.y - y0) / (y1 - y0)) * (H - 2 * PAD - 12) : H / 2;
  }
  separate(names, pos);
  return pos;
}

// No two nodes on one spot: push apart any pair closer than MIN_GAP (a pair on the very same
// point is split along a fixed angle of their index, so the picture stays the same each time).
const MIN_GAP = 46;
function separate(names, pos) {
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) {
      const a = pos.get(names[i]), b = pos.get(names[j]);
      let dx = b.x - a.x, dy = b.y - a.y, d = Math.hypot(dx, dy);
      if (d >= MIN_GAP) continue;
      if (d < 0.01) { const angle = (i * 2.39996 + j) % (2 * Math.PI); dx = Math.cos(angle); dy = Math.sin(angle); d = 1; }
      const push = (MIN_GAP - d) / 2 + 0.5;
      a.x -= (dx / d) * push; a.y -= (dy / d) * push; b.x += (dx / d) * push; b.y += (dy / d) * push;
      for (const p of [a, b]) { p.x = Math.min(W - PAD, Math.max(PAD, p.x)); p.y = Math.min(H - PAD - 12, Math.max(PAD, p.y)); }
      moved = true;
    }
    if (!moved) break;
  }
}

export function renderNetwork(container, edges, { params }) {
  if (!edges.length) {
    container.append(el("p", { class: "empty", text: "No events with both a source and a target match the filter." }));
    return;
  }
  const weight = new Map();
  const names = new Map();
  for (const e of edges) {
    if (e.source_name) names.set(e.source, e.source_name);
    if (e.target_name) names.set(e.target, e.target_name);
    weight.set(e.source, (weight.get(e.source) || 0) + e.events);
    weight.set(e.target, (weight.get(e.target) || 0) + e.events);
  }
  const labelled = (code) => (names.has(code) ? `${code} — ${names.get(code)}` : code);
  const nodes = [...weight.keys()].sort();
  const pos = layout(nodes, edges);
  const maxW = Math.max(...weight.values());
  const radius = (name) => 6 + 14 * Math.sqrt(weight.get(name) / maxW);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart network", role: "img", "aria-label": "Actor network" });
  const defs = svg("defs");
  for (const [id, colour] of [["coop", COOPERATION], ["conf", CONFLICT], ["neut", NEUTRAL]]) {
    defs.append(svg("marker", { id: `arrow-${id}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour })));
  }
  chart.append(defs);
  const maxE = Math.max(...edges.map((e) => e.events));
  for (const e of [...edges].sort((a, b) => a.events - b.events)) {
    const a = pos.get(e.source), b = pos.get(e.target);
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
    // Curve to the right of the direction of travel, so A->B and B->A stay apart.
    const bend = Math.min(40, d * 0.18);
    const cx = (a.x + b.x) / 2 - (dy / d) * bend, cy = (a.y + b.y) / 2 + (dx / d) * bend;
    const rb = radius(e.target) + 3;
    const toEnd = Math.max(0.01, Math.hypot(b.x - cx, b.y - cy));  // never 0: no NaN in a path
    const ex = b.x - ((b.x - cx) / toEnd) * rb;
    const ey = b.y - ((b.y - cy) / toEnd) * rb;
    const colour = balanceColour(e.cooperation, e.conflict);
    const kind = colour === COOPERATION ? "coop" : colour === CONFLICT ? "conf" : "neut";
    const path = svg("path", {
      d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      class: `edge ${kind}`, stroke: colour, "stroke-width": (1 + 5 * Math.sqrt(e.events / maxE)).toFixed(2),
      "marker-end": `url(#arrow-${kind})`, "data-source": e.source, "data-target": e.target, "data-events": e.events,
    });
    tooltip(path, `${labelled(e.source)} → ${labelled(e.target)}: ${fmt(e.events)} events (${fmt(e.cooperation)} cooperation, ${fmt(e.conflict)} conflict, Goldstein ${e.goldstein})`);
    chart.append(svg("a", { href: hashFor("events", withParams(params, { source: e.source, target: e.target })), class: "edge-link" }, path));
  }
  for (const name of nodes) {
    const p = pos.get(name);
    const node = svg("a", { href: hashFor("overview", withParams(params, { actor: name })), class: "node-link" },
      tooltip(svg("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radius(name).toFixed(1), class: "node", "data-actor": name }),
        `${labelled(name)}: ${fmt(weight.get(name))} events as source or target (click to focus)`),
      svg("text", { x: p.x.toFixed(1), y: (p.y + radius(name) + 11).toFixed(1), class: "node-label", "text-anchor": "middle", text: name }));
    chart.append(node);
  }
  container.append(chart, el("ul", { class: "legend" },
    el("li", {}, swatch(COOPERATION), "mostly cooperation"), el("li", {}, swatch(CONFLICT), "mostly conflict"),
    el("li", {}, swatch(NEUTRAL), "balanced"), el("li", { class: "muted", text: "width: events; click an edge for its events" })));
}

function swatch(colour) {
  const s = el("span", { class: "swatch" });
  s.style.background = colour;
  return s;
}
