// Timeline: when events happened, each at its own precision, on one time axis.
// - Events dated to a day (or, having no date of their own, to their article's day) are stacked
//   bars per day/week/month/year, coloured by PLOVER type or quad class.
// - Events dated only to a month, a year or a range are bands over their whole span: never a
//   point on a day they may not have happened on.
// - Undated events (no date in the text, no publication date) are counted apart, with a link.
// Every bar and band links to the events it counts; dragging across the chart sets since/until.
// Only periods that hold events are drawn, so no range is too long to show.

import { el, svg, fmt, tooltip } from "./dom.js";
import { keyColour, keyLabel, OTHER } from "./palette.js";
import { hashFor, withParams } from "./state.js";

const W = 960, BARS_H = 180, M = { top: 12, right: 30, bottom: 30, left: 44 };
const BAND_H = 14, BAND_GAP = 3, MAX_KEYS = 9;
const DAY_MS = 86400000;
const BAND_COLOURS = { month: "#6f93c2", year: "#a9bdd6", range: "#c9b98f" };
const PRECISION_WORDS = { month: "dated only to the month", year: "dated only to the year", range: "dated to a range" };

const ms = (day) => Date.parse(day + "T00:00:00Z");
const dayOf = (t) => new Date(t).toISOString().slice(0, 10);

export function addDays(day, n) {
  return dayOf(ms(day) + n * DAY_MS);
}

export function nextPeriod(day, interval) {
  if (interval === "day") return addDays(day, 1);
  if (interval === "week") return addDays(day, 7);
  const d = new Date(ms(day));
  if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

// Bands in lanes: a band goes into the first lane it does not overlap.
function lanes(spans) {
  const ends = [];
  return spans.map((s) => {
    let lane = ends.findIndex((end) => end < s.start);
    if (lane < 0) { lane = ends.length; ends.push(s.end); } else ends[lane] = s.end;
    return { ...s, lane };
  });
}

function tickLabel(day, spanDays) {
  return spanDays > 3650 ? day.slice(0, 4) : spanDays > 180 ? day.slice(0, 7) : day;
}

export function renderTimeline(container, rows, spans, { interval, by, params, count }) {
  const totals = new Map();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) || 0) + r.events);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const shown = new Set(ranked.slice(0, MAX_KEYS).map(([k]) => k));
  const keyOf = (k) => (shown.has(k) ? k : "other");
  const keys = [...ranked.slice(0, MAX_KEYS).map(([k]) => k), ...(ranked.length > MAX_KEYS ? ["other"] : [])];

  const stacks = new Map();
  for (const r of rows) {
    const stack = stacks.get(r.period) || new Map();
    stacks.set(r.period, stack);
    stack.set(keyOf(r.key), (stack.get(keyOf(r.key)) || 0) + r.events);
  }
  const placed = lanes(spans);
  const laneCount = placed.reduce((n, s) => Math.max(n, s.lane + 1), 0);
  const starts = [...stacks.keys(), ...spans.map((s) => s.start)];
  const ends = [...[...stacks.keys()].map((p) => nextPeriod(p, interval)), ...spans.map((s) => addDays(s.end, 1))];
  const dated = rows.reduce((a, r) => a + r.events, 0) + spans.reduce((a, s) => a + s.events, 0);
  const undatedNote = count.undated
    ? el("p", { class: "note", id: "timeline-undated" },
      el("a", { href: hashFor("events", withParams(params, { precision: "undated" })), text: `${fmt(count.undated)} undated event${count.undated === 1 ? "" : "s"}` }),
      " (no date in the text and no publication date): not on the timeline.")
    : null;
  if (!starts.length) {
    container.append(el("p", { class: "empty", text: "No dated events match the filter." }), undatedNote || "");
    return;
  }
  const t0 = Math.min(...starts.map(ms)), t1 = Math.max(...ends.map(ms));
  const plotW = W - M.left - M.right;
  const x = (day) => M.left + ((ms(day) - t0) / Math.max(DAY_MS, t1 - t0)) * plotW;
  const bandsTop = M.top + BARS_H + 8;
  const H = bandsTop + laneCount * (BAND_H + BAND_GAP) + M.bottom;
  const maxTotal = Math.max(1, ...[...stacks.values()].map((s) => [...s.values()].reduce((a, b) => a + b, 0)));
  const y = (v) => M.top + BARS_H - (v / maxTotal) * BARS_H;

  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart timeline", role: "img", "aria-label": `Events per ${interval}, and events dated only to a month or year as bands` });
  // The brush sits under the bars: dragging across empty chart space picks a date range.
  const brush = svg("rect", { x: M.left, y: M.top, width: plotW, height: H - M.top - M.bottom, class: "brush-area" });
  const selection = svg("rect", { x: 0, y: M.top, width: 0, height: H - M.top - M.bottom, class: "brush-selection" });
  chart.append(brush, selection);
  for (const t of [0, 0.5, 1]) {
    const v = Math.round(maxTotal * t);
    chart.append(svg("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: "grid" }),
      svg("text", { x: M.left - 6, y: y(v) + 4, class: "tick", "text-anchor": "end", text: fmt(v) }));
  }
  for (const [period, stack] of [...stacks.entries()].sort()) {
    const x0 = x(period), x1 = x(nextPeriod(period, interval));
    const width = Math.max(1.5, x1 - x0 - Math.min(2, (x1 - x0) * 0.2));
    let base = 0;
    for (const key of keys) {
      const n = stack.get(key) || 0;
      if (!n) continue;
      const extra = { day_from: period, day_to: addDays(nextPeriod(period, interval), -1) };
      if (key !== "other") extra[by === "quad_class" ? "quad_class" : "type"] = key;
      const rect = svg("rect", {
        x: x0, width, y: y(base + n), height: Math.max(0.5, y(base) - y(base + n)),
        fill: key === "other" ? OTHER : keyColour(by, key), class: "bar", "data-key": key, "data-period": period, "data-events": n,
      });
      tooltip(rect, `${period}${interval === "day" ? "" : ` (${interval})`}: ${fmt(n)} ${keyLabel(by, key)} event${n === 1 ? "" : "s"} (click for the events)`);
      chart.append(svg("a", { href: hashFor("events", withParams(params, extra)), class: "bar-link" }, rect));
      base += n;
    }
  }
  chart.append(svg("line", { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), class: "axis" }));
  for (const s of placed) {
    const x0 = x(s.start), x1 = x(addDays(s.end, 1));
    const top = bandsTop + s.lane * (BAND_H + BAND_GAP);
    const label = s.precision === "year" ? s.start.slice(0, 4) : s.precision === "month" ? s.start.slice(0, 7) : `${s.start} – ${s.end}`;
    const rect = svg("rect", { x: x0, y: top, width: Math.max(2, x1 - x0), height: BAND_H, rx: 2, class: `band ${s.precision}`,
      fill: BAND_COLOURS[s.precision], "data-events": s.events, "data-start": s.start, "data-end": s.end, "data-precision": s.precision });
    tooltip(rect, `${label}: ${fmt(s.events)} event${s.events === 1 ? "" : "s"} ${PRECISION_WORDS[s.precision]} (click for the events)`);
    const link = svg("a", { href: hashFor("events", withParams(params, { precision: s.precision, since: s.start, until: s.end, day_from: null, day_to: null })), class: "band-link" }, rect);
    if (x1 - x0 > 22) link.append(svg("text", { x: (x0 + x1) / 2, y: top + BAND_H - 3.5, class: "band-label", "text-anchor": "middle", text: fmt(s.events) }));
    chart.append(link);
  }
  const spanDays = (t1 - t0) / DAY_MS;
  for (let i = 0; i <= 6; i++) {
    const day = dayOf(t0 + ((t1 - t0) * i) / 6);
    const tx = M.left + (plotW * i) / 6;
    chart.append(svg("line", { x1: tx, x2: tx, y1: H - M.bottom, y2: H - M.bottom + 4, class: "axis" }),
      svg("text", { x: tx, y: H - M.bottom + 16, class: "tick", "text-anchor": i === 0 ? "start" : i === 6 ? "end" : "middle", text: tickLabel(day, spanDays) }));
  }
  brushing(chart, brush, selection, (px) => dayOf(t0 + ((px - M.left) / plotW) * (t1 - t0)), params);

  const legend = el("ul", { class: "legend" }, keys.map((key) => {
    const filter = key === "other" ? null : { [by === "quad_class" ? "quad_class" : "type"]: key };
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = key === "other" ? OTHER : keyColour(by, key);
    const label = `${keyLabel(by, key)} ${fmt(totals.get(key) ?? ranked.filter(([k]) => !shown.has(k)).reduce((a, [, n]) => a + n, 0))}`;
    return el("li", {}, swatch, filter ? el("a", { href: hashFor("overview", withParams(params, filter)), text: label }) : label);
  }), Object.entries(BAND_COLOURS).filter(([p]) => spans.some((s) => s.precision === p)).map(([p, colour]) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour;
    return el("li", {}, swatch, `band: ${PRECISION_WORDS[p]}`);
  }));
  const note = el("p", { class: "note", id: "timeline-note",
    text: `${fmt(dated)} of ${fmt(count.events)} events drawn: bars by the event's day (or, with no date of its own, its article's day); bands over the month, year or range an event is dated to. Drag across the chart to pick dates.` });
  container.append(chart, legend, note, undatedNote || "");
}

function brushing(chart, area, selection, dayAt, params) {
  let from = null;
  const point = (event) => {
    const box = chart.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * chart.viewBox.baseVal.width;
  };
  area.addEventListener("pointerdown", (event) => { from = point(event); area.setPointerCapture(event.pointerId); });
  area.addEventListener("pointermove", (event) => {
    if (from === null) return;
    const to = point(event);
    selection.setAttribute("x", Math.min(from, to));
    selection.setAttribute("width", Math.abs(to - from));
  });
  area.addEventListener("pointerup", (event) => {
    if (from === null) return;
    const to = point(event);
    const [a, b] = [Math.min(from, to), Math.max(from, to)];
    from = null;
    selection.setAttribute("width", 0);
    if (b - a < 4) return;
    location.hash = hashFor("overview", withParams(params, { since: dayAt(a), until: dayAt(b), offset: null }));
  });
}
