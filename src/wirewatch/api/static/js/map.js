// Map of event places: country outlines from the vendored Natural Earth 110m TopoJSON
// (world-atlas, decoded here: no library), an equirectangular projection, a 30° graticule,
// and one circle per place sized by its events. Each circle links to the events there.

import { el, svg, fmt, tooltip } from "./dom.js";
import { balanceColour, COOPERATION, CONFLICT, NEUTRAL } from "./palette.js";
import { hashFor, withParams } from "./state.js";

const WORLD_URL = "/static/vendor/world-atlas/countries-110m.json";
const W = 720, NORTH = 84, SOUTH = -58;
const S = W / 360, H = (NORTH - SOUTH) * S;
const project = (lon, lat) => [(lon + 180) * S, (NORTH - lat) * S];

let worldPaths = null;

function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index >= 0 ? arcs[index] : [...arcs[~index]].reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return "M" + points.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(",")).join("L") + "Z";
}

async function loadWorld() {
  if (worldPaths) return worldPaths;
  const topology = await (await fetch(WORLD_URL)).json();
  const arcs = decodeArcs(topology);
  worldPaths = topology.objects.countries.geometries
    .filter((g) => g.properties && g.properties.name !== "Antarctica" && g.arcs)
    .map((g) => {
      const polygons = g.type === "Polygon" ? [g.arcs] : g.arcs;
      return { name: g.properties.name, d: polygons.map((rings) => rings.map((r) => ringPath(r, arcs)).join("")).join("") };
    });
  return worldPaths;
}

export async function renderMap(container, places, { params }) {
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H.toFixed(0)}`, class: "chart map", role: "img", "aria-label": "Map of event places" });
  chart.append(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
  try {
    for (const country of await loadWorld()) chart.append(tooltip(svg("path", { d: country.d, class: "land" }), country.name));
  } catch (err) {
    chart.append(svg("text", { x: 10, y: 20, class: "tick", text: "world outline unavailable" }));
  }
  for (let lon = -150; lon <= 150; lon += 30) {
    const [x] = project(lon, 0);
    chart.append(svg("line", { x1: x, x2: x, y1: 0, y2: H, class: "graticule" }));
  }
  for (let lat = -30; lat <= 60; lat += 30) {
    const [, y] = project(0, lat);
    chart.append(svg("line", { x1: 0, x2: W, y1: y, y2: y, class: lat === 0 ? "graticule equator" : "graticule" }));
  }
  const max = Math.max(1, ...places.map((p) => p.events));
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const [x, y] = project(p.lon, p.lat);
    const cooperation = p.events - p.conflict;
    const dot = svg("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: (2.5 + 11 * Math.sqrt(p.events / max)).toFixed(1),
      fill: balanceColour(cooperation, p.conflict), class: "place", "data-place": p.place_name, "data-events": p.events,
    });
    tooltip(dot, `${p.place_name || "?"}${p.place_country ? " (" + p.place_country + ")" : ""}: ${fmt(p.events)} events, ${fmt(p.conflict)} conflict`);
    const filter = p.place_name ? { place: p.place_name } : { country: p.place_country };
    chart.append(svg("a", { href: hashFor("events", withParams(params, filter)), class: "place-link" }, dot));
  }
  container.append(chart, el("ul", { class: "legend" },
    el("li", {}, swatchOf(COOPERATION), "mostly cooperation"), el("li", {}, swatchOf(CONFLICT), "mostly conflict"),
    el("li", {}, swatchOf(NEUTRAL), "balanced"),
    el("li", { class: "muted", text: `${fmt(places.length)} places · outlines: Natural Earth 110m via world-atlas` })));
  if (!places.length) container.append(el("p", { class: "empty", text: "No located events match the filter." }));
}

function swatchOf(colour) {
  const s = el("span", { class: "swatch round" });
  s.style.background = colour;
  return s;
}
