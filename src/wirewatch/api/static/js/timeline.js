// Timeline: stacked bars of events per day/week/month, coloured by PLOVER type or quad class.
// Every bar segment is a link to the events it counts (same filter plus its days and key).

import { el, svg, fmt, tooltip } from "./dom.js";
import { keyColour, keyLabel, OTHER } from "./palette.js";
import { hashFor, withParams } from "./state.js";

const W = 960, H = 250, M = { top: 12, right: 30, bottom: 34, left: 44 };
const MAX_KEYS = 9;

function addDays(day, n) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function nextPeriod(day, interval) {
  if (interval === "day") return addDays(day, 1);
  if (interval === "week") return addDays(day, 7);
  const d = new Date(day + "T00:00:00Z");
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

export function periodsBetween(first, last, interval) {
  const out = [];
  for (let p = first; p <= last && out.length < 2000; p = nextPeriod(p, interval)) out.push(p);
  return out;
}

export function renderTimeline(container, rows, { interval, by, params, total = null }) {
  const totals = new Map();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) || 0) + r.events);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const shown = new Set(ranked.slice(0, MAX_KEYS).map(([k]) => k));
  const keyOf = (k) => (shown.has(k) ? k : "other");
  const keys = [...ranked.slice(0, MAX_KEYS).map(([k]) => k), ...(ranked.length > MAX_KEYS ? ["other"] : [])];

  const periods = rows.length ? periodsBetween(rows[0].period, rows[rows.length - 1].period, interval) : [];
  const stacks = new Map(periods.map((p) => [p, new Map()]));
  for (const r of rows) {
    const stack = stacks.get(r.period) || new Map();
    stacks.set(r.period, stack);
    stack.set(keyOf(r.key), (stack.get(keyOf(r.key)) || 0) + r.events);
  }
  const maxTotal = Math.max(1, ...[...stacks.values()].map((s) => [...s.values()].reduce((a, b) => a + b, 0)));
  const plotW = W - M.left - M.right, plotH = H - M.top - M.bottom;
  // Bars no wider than 48 units, centred: a few periods should not look like a wall.
  const band = Math.min(48, plotW / Math.max(1, periods.length));
  const left = M.left + (plotW - band * periods.length) / 2;
  const y = (v) => M.top + plotH - (v / maxTotal) * plotH;

  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart timeline", role: "img",
    "aria-label": `Events per ${interval}` });
  for (const t of [0, 0.5, 1]) {
    const v = Math.round(maxTotal * t);
    chart.append(svg("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: "grid" }),
      svg("text", { x: M.left - 6, y: y(v) + 4, class: "tick", "text-anchor": "end", text: fmt(v) }));
  }
  const labelEvery = Math.max(1, Math.ceil(periods.length / 10));
  periods.forEach((period, i) => {
    const x = left + i * band;
    let base = 0;
    const stack = stacks.get(period) || new Map();
    for (const key of keys) {
      const n = stack.get(key) || 0;
      if (!n) continue;
      const extra = { day_from: period, day_to: addDays(nextPeriod(period, interval), -1) };
      if (key !== "other") extra[by === "quad_class" ? "quad_class" : "type"] = key;
      const link = svg("a", { href: hashFor("events", withParams(params, extra)), class: "bar-link" });
      const rect = svg("rect", {
        x: x + Math.min(1, band * 0.1), width: Math.max(1, band - Math.min(2, band * 0.2)),
        y: y(base + n), height: Math.max(0.5, y(base) - y(base + n)),
        fill: key === "other" ? OTHER : keyColour(by, key), class: "bar", "data-key": key, "data-period": period,
        "data-events": n,
      });
      tooltip(rect, `${period}: ${fmt(n)} ${keyLabel(by, key)} event${n === 1 ? "" : "s"} (click for the events)`);
      link.append(rect);
      chart.append(link);
      base += n;
    }
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x: x + band / 2, y: H - M.bottom + 16, class: "tick", "text-anchor": "middle",
        text: interval === "month" ? period.slice(0, 7) : period.slice(5) }));
    }
  });
  if (periods.length) {
    chart.append(svg("text", { x: M.left, y: H - 4, class: "tick muted", text: periods[0].slice(0, 4) }));
  }
  chart.append(svg("line", { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), class: "axis" }));

  const legend = el("ul", { class: "legend" }, keys.map((key) => {
    const filter = key === "other" ? null : { [by === "quad_class" ? "quad_class" : "type"]: key };
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = key === "other" ? OTHER : keyColour(by, key);
    const label = `${keyLabel(by, key)} ${fmt(totals.get(key) ?? ranked.filter(([k]) => !shown.has(k)).reduce((a, [, n]) => a + n, 0))}`;
    return el("li", {}, swatch, filter ? el("a", { href: hashFor("overview", withParams(params, filter)), text: label }) : label);
  }));
  const plotted = rows.reduce((a, r) => a + r.events, 0);
  const note = total !== null && total > plotted
    ? el("p", { class: "note", text: `${fmt(total - plotted)} of ${fmt(total)} matching events have neither a day nor a dated article, so no bar; they are in the event list.` })
    : null;
  container.append(...[rows.length ? chart : el("p", { class: "empty", text: "No dated events match the filter." }), legend, note].filter(Boolean));
}
