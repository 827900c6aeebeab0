// The dashboard: routes the hash to a view, keeps the filter form and the URL in step,
// and draws the overview (timeline, network, map, top actors) from the JSON API.

import { el, clear, fmt } from "./dom.js";
import { FORM_FIELDS, CHIP_FIELDS, CLAIM_FILTERS, DEFAULTS, parseHash, hashFor, filterParams, withParams, getJSON } from "./state.js";
import { renderTimeline } from "./timeline.js";
import { renderNetwork } from "./network.js";
import { renderMap } from "./map.js";
import { renderEvents, renderClaims, renderActors } from "./tables.js";
import { renderArticle } from "./article.js";
import { renderThreads, renderThread } from "./threads.js";

const main = document.getElementById("view");
const form = document.getElementById("filters");

function autoInterval(first, last) {
  if (!first || !last) return "day";
  const days = (Date.parse(last) - Date.parse(first)) / 86400000;
  return days > 3650 ? "year" : days > 900 ? "month" : days > 120 ? "week" : "day";
}

function panel(title, id, ...extra) {
  const body = el("div", { class: "panel-body", id });
  return [el("section", { class: "panel" }, el("header", {}, el("h2", { text: title }), ...extra), body), body];
}

function select(name, options, value, onchange) {
  return el("label", { class: "inline" }, `${name} `,
    el("select", { name, onchange }, options.map(([v, label]) => el("option", { value: v, selected: v === value ? "selected" : null, text: label }))));
}

async function renderOverview(params) {
  const filter = filterParams(params);
  const count = await getJSON("/api/events/count", filter);
  const interval = params.get("interval") || autoInterval(count.first_day, count.last_day);
  const by = params.get("by") || "plover_type";
  const level = params.get("level") || "country";
  const go = (extra) => { location.hash = hashFor("overview", withParams(params, extra)); };
  const cards = el("div", { class: "cards", id: "summary-cards" },
    card("events", count.events, hashFor("events", params)), card("articles", count.articles),
    card("attributed to a source", count.attributed, hashFor("events", withParams(params, { attributed: "true" }))),
    card("cooperation", count.cooperation), card("conflict", count.conflict),
    el("div", { class: "card span", text: count.first_day ? `${count.first_day} – ${count.last_day}` : "no dated events" }));
  const [timeline, timelineBody] = panel(`Events per ${interval}`, "timeline",
    select("per", [["day", "day"], ["week", "week"], ["month", "month"], ["year", "year"]], interval, (e) => go({ interval: e.target.value })),
    select("colour by", [["plover_type", "PLOVER type"], ["quad_class", "quad class"]], by, (e) => go({ by: e.target.value })));
  const [network, networkBody] = panel("Actor network", "network",
    select("actors by", [["country", "country"], ["code", "code"]], level, (e) => go({ level: e.target.value })));
  const [map, mapBody] = panel("Event places", "map");
  const [actors, actorsBody] = panel("Top actors", "top-actors", el("a", { href: hashFor("actors", params), text: "all actors →" }));
  const modality = params.get("modality") || DEFAULTS.modality, coding = params.get("coding") || DEFAULTS.coding;
  const counted = el("p", { class: "note", id: "counting", text: `Counting ${modality === "all" ? "events of every modality" : `${modality} events`}${
    coding === "coded" ? " that have an actor" : coding === "uncoded" ? " with no actor (uncoded, for review)" : ", with or without an actor"}; change it under Modality and Actors.` });
  clear(main).append(cards, counted, timeline, el("div", { class: "grid2" }, network, map), actors);
  const [series, spans, edges, places, top] = await Promise.all([
    getJSON("/api/series", withParams(filter, { interval, by })),
    getJSON("/api/spans", filter),
    getJSON("/api/network", withParams(filter, { level })),
    getJSON("/api/places", filter),
    getJSON("/api/actors", withParams(filter, { limit: 10, level: "code" })),
  ]);
  renderTimeline(timelineBody, series.series, spans.spans, { interval, by, params, count });
  renderNetwork(networkBody, edges.edges, { params });
  await renderMap(mapBody, places.places, { params });
  actorsBody.append(el("ol", { class: "top-actors" }, top.actors.map((a) => el("li", {},
    el("a", { href: hashFor("overview", withParams(params, { actor: a.actor })), class: "mono", text: a.actor }),
    a.name ? el("span", { class: "actor-name", text: ` — ${a.name}` }) : null,
    el("span", { class: "muted", text: ` · ${fmt(a.events)} event${a.events === 1 ? "" : "s"} · with ${a.partners.map((p) => p.actor).join(", ") || "—"}` })))));
}

function card(label, value, href) {
  const number = el("div", { class: "card-value", text: fmt(value) });
  return el("div", { class: "card", "data-card": label }, href ? el("a", { href }, number) : number, el("div", { class: "card-label", text: label }));
}

function syncForm(params) {
  const view = parseHash().view;
  // The claims view applies only the filters a claim has; the rest are greyed out there, never
  // shown as set while ignored.
  const inapplicable = (name) => view === "article" || (view === "claims" && !CLAIM_FILTERS.has(name));
  for (const name of FORM_FIELDS) {
    const field = form.elements.namedItem(name);
    if (!field) continue;
    field.value = params.get(name) ?? DEFAULTS[name] ?? "";
    field.disabled = inapplicable(name);
    field.closest("label").classList.toggle("inapplicable", inapplicable(name));
  }
  const scope = document.getElementById("filters-scope");
  scope.hidden = view !== "claims" && view !== "article";
  scope.textContent = view === "article"
    ? "The article view shows everything found in the article (every modality, coded or not, each labelled); the filters apply to the other views."
    : "Claims: greyed-out filters apply to events only and are not applied here; Actor matches the speaker.";
  const chips = clear(document.getElementById("active-chips"));
  for (const name of CHIP_FIELDS) {
    const value = params.get(name);
    if (!value) continue;
    const off = inapplicable(name);
    chips.append(el("a", { class: off ? "chip inapplicable" : "chip", href: hashFor(view, withParams(params, { [name]: null, offset: null })),
      title: off ? "not applied in this view; click to remove" : "remove",
      text: `${name.replace("_", " ")}: ${value}${off ? " (not applied here)" : ""} ×` }));
  }
  for (const link of document.querySelectorAll(".tabs a")) {
    const view = link.dataset.view;
    link.href = hashFor(view, withParams(params, { offset: null }));
    link.classList.toggle("active", view === parseHash().view);
  }
}

async function route() {
  const { view, arg, params } = parseHash();
  syncForm(params);
  delete document.body.dataset.ready;  // tests and screen readers wait for it to come back
  main.setAttribute("aria-busy", "true");
  try {
    if (view === "events") await renderEvents(main, params);
    else if (view === "claims") await renderClaims(main, params);
    else if (view === "actors") await renderActors(main, params);
    else if (view === "article" && arg) await renderArticle(main, arg);
    else if (view === "threads") await renderThreads(main, params);
    else if (view === "thread" && arg) await renderThread(main, arg);
    else await renderOverview(params);
  } catch (err) {
    clear(main).append(el("div", { class: "error", role: "alert", text: `Could not load this view: ${err.message}` }));
  } finally {
    main.setAttribute("aria-busy", "false");
    document.body.dataset.ready = view;
  }
}

async function totals() {
  try {
    const s = await getJSON("/api/summary");
    const t = s.totals;
    const watch = s.watch ? ` · watching ${s.watch.folder}${s.watch.busy ? " (analysing…)" : ""}` : "";
    document.getElementById("totals").textContent =
      `${s.store} holds ${fmt(t.articles)} articles · ${fmt(t.events)} event records (every modality, coded or not) · ${fmt(t.claims)} claims${watch}`;
  } catch (_) { /* the views show their own errors */ }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const { view, params } = parseHash();
  const next = withParams(params, { offset: null });
  for (const name of FORM_FIELDS) next.set(name, form.elements.namedItem(name).value.trim());
  location.hash = hashFor(view === "article" ? "overview" : view, next);
});
document.getElementById("reset").addEventListener("click", () => {
  location.hash = hashFor(parseHash().view === "article" ? "overview" : parseHash().view, new URLSearchParams());
});
// Actor search from words to codes: typing "Putin" or "the Kremlin" offers RUSGOV, with its name.
const actorCodes = document.getElementById("actor-codes");
let searching = null;
for (const name of ["actor", "source", "target"]) {
  form.elements.namedItem(name).addEventListener("input", (event) => {
    clearTimeout(searching);
    const words = event.target.value.trim();
    if (words.length < 2) return;
    searching = setTimeout(async () => {
      try {
        const found = await getJSON("/api/actors/search", new URLSearchParams({ q: words }));
        clear(actorCodes).append(...found.codes.map((c) => el("option", { value: c.code, label: `${c.code} — ${c.name} (${c.matched})` })));
      } catch (_) { /* suggestions are optional */ }
    }, 200);
  });
}
// One view at a time, in the order the hash changed: two changes in quick succession (a brush
// drag, a chip removed while a view loads) must not let the older render finish last and leave
// its numbers on screen under the newer filter.
let routing = Promise.resolve();
const routeInTurn = () => { routing = routing.then(route); };
window.addEventListener("hashchange", routeInTurn);
totals();
setInterval(totals, 15000);
routeInTurn();
