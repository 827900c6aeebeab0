// The list views: events, claims and actors, one page at a time, with the same filter as the
// charts and a CSV download of exactly what is listed.

import { el, clear, fmt } from "./dom.js";
import { getJSON, hashFor, withParams, filterParams } from "./state.js";
import { QUAD_NAMES } from "./palette.js";
import { sortable } from "./sorting.js";

const PAGE = 50;

// "rows 1–50 of 219": a page always says how much there is beyond it.
function pager(view, params, offset, shown, hasNext, total = null) {
  const prev = offset > 0 ? el("a", { href: hashFor(view, withParams(params, { offset: Math.max(0, offset - PAGE) })), class: "button", text: "← previous" }) : null;
  const next = hasNext ? el("a", { href: hashFor(view, withParams(params, { offset: offset + PAGE })), class: "button", text: "next →" }) : null;
  const of = total === null ? (hasNext ? " of more" : "") : ` of ${fmt(total)}`;
  return el("div", { class: "pager" }, prev, el("span", { class: "muted shown", text: `rows ${fmt(offset + 1)}–${fmt(offset + shown)}${of}` }), next);
}

// An event with neither a source nor a target is "uncoded": listed for review, never counted as an event by default.
function uncoded(e) {
  return !(e.source_code || e.target_code || e.source_text || e.target_text);
}

// A code beside its name from the actor dictionary ("RUSGOV — Russia, government"), then the words.
function actorCell(code, text, names = {}) {
  const name = code ? names[code] : null;
  return el("span", { class: "actor" }, el("b", { text: code || "—" }),
    name ? el("span", { class: "actor-name", text: ` — ${name}` }) : null,
    text ? el("span", { class: "muted", text: ` “${text}”` }) : null);
}

function articleLink(id, label) {
  return el("a", { href: `#/article/${encodeURIComponent(id)}`, class: "mono", text: label || id.slice(0, 8) });
}

export async function renderEvents(main, params) {
  const offset = Number(params.get("offset") || 0);
  const api = withParams(filterParams(params), { limit: PAGE, offset });
  const [page, count] = await Promise.all([getJSON("/api/events", api), getJSON("/api/events/count", filterParams(params))]);
  // The whole filtered set, streamed by the server: not a page, not the first thousand.
  const csv = el("a", { href: `/api/events/download?${withParams(filterParams(params), { format: "csv" })}`, class: "button", id: "download-csv", download: "events.csv", text: `download all ${fmt(count.events)} (CSV)` });
  const json = el("a", { href: `/api/events/download?${withParams(filterParams(params), { format: "json" })}`, class: "button", id: "download-json", download: "events.json", text: "JSON" });
  const rows = page.events.map((e) => el("tr", { "data-event-id": e.event_id },
    el("td", { class: "mono nowrap", text: e.date || "" }),
    el("td", { "data-sort": e.source_code || "" }, actorCell(e.source_code, e.source_text, page.names)),
    el("td", { class: "arrow", text: "→" }),
    el("td", { "data-sort": e.target_code || "" }, actorCell(e.target_code, e.target_text, page.names)),
    el("td", {}, el("span", { class: `quad q${e.quad_class}`, title: QUAD_NAMES[e.quad_class] || "", text: String(e.plover_type).toLowerCase() }),
      el("span", { class: "muted mono", text: ` ${e.cameo_code}` })),
    el("td", {}, el("span", { class: `modality ${e.modality}`, text: e.modality }), e.certainty !== "high" ? el("span", { class: "muted", text: ` ${e.certainty}` }) : null,
      el("span", { title: "the confidence model's probability that this event is right", text: ` p\u00a0${Number(e.confidence).toFixed(2)}`, class: "muted mono nowrap" }),
      uncoded(e) ? el("span", { class: "badge uncoded", title: "no source or target actor: kept for review, not counted as an event by default", text: "uncoded" }) : null),
    el("td", { text: e.place_name || "" }),
    el("td", { text: e.claimant || "" }),
    el("td", { class: "evidence", text: e.evidence }),
    el("td", {}, articleLink(e.article_id)),
  ));
  clear(main).append(
    el("div", { class: "view-head" }, el("h1", { text: "Events" }),
      el("span", { class: "count", id: "events-count", text: `${fmt(count.events)} event${count.events === 1 ? "" : "s"} in ${fmt(count.articles)} article${count.articles === 1 ? "" : "s"} · ${fmt(count.attributed)} attributed` }), el("span", { class: "downloads" }, csv, " ", json)),
    sortable(el("table", { class: "data", id: "events-table" },
      el("thead", {}, el("tr", {}, ["date", "source", "", "target", "type", "modality", "place", "per", "evidence", "article"].map((h) => el("th", { text: h })))),
      el("tbody", {}, rows))),
    rows.length ? pager("events", params, offset, rows.length, Boolean(page.next), count.events) : el("p", { class: "empty", text: "No events match the filter." }),
  );
}

export async function renderClaims(main, params) {
  const offset = Number(params.get("offset") || 0);
  // Every filter the sidebar leaves active here (state.js CLAIM_FILTERS) is applied; the rest are greyed out.
  const api = new URLSearchParams({ limit: PAGE, offset });
  for (const key of ["since", "until", "article", "certainty", "outlet", "state_media", "speaker", "kind"]) if (params.get(key)) api.set(key, params.get(key));
  if (params.get("actor") && !params.get("speaker")) api.set("speaker", params.get("actor"));
  const page = await getJSON("/api/claims", api);
  const rows = page.claims.map((c) => el("tr", { "data-claim-id": c.claim_id },
    el("td", {}, el("b", { text: c.speaker_name || c.speaker_text || "unattributed" }), c.state_media ? el("span", { class: "badge state", text: "state media" }) : null),
    el("td", { text: c.kind }),
    el("td", { text: c.cue || "" }),
    el("td", { class: "evidence", text: c.content }),
    el("td", {}, el("span", { class: `certainty ${c.certainty}`, text: c.certainty }), (c.hedges || []).length ? el("span", { class: "muted", text: ` (${c.hedges.join(", ")})` }) : null),
    el("td", {}, chain(c.chain || [])),
    el("td", {}, articleLink(c.article_id)),
  ));
  clear(main).append(
    el("div", { class: "view-head" }, el("h1", { text: "Claims" }), el("span", { class: "count", id: "claims-count", text: `${fmt(page.total)} claims` }),
      el("span", { class: "count muted", text: "who says so, how surely, through which outlets" }),
      el("a", { href: `/api/claims/download?${withParams(api, { offset: null, limit: null, format: "csv" })}`, class: "button", id: "download-claims", download: "claims.csv", text: `download all ${fmt(page.total)} (CSV)` })),
    sortable(el("table", { class: "data", id: "claims-table" },
      el("thead", {}, el("tr", {}, ["speaker", "kind", "cue", "content", "certainty", "reporting chain", "article"].map((h) => el("th", { text: h })))),
      el("tbody", {}, rows))),
    rows.length ? pager("claims", params, offset, rows.length, Boolean(page.next), page.total) : el("p", { class: "empty", text: "No claims match the filter." }),
  );
}

export function chain(names) {
  return el("span", { class: "chain" }, names.map((name, i) => [i ? el("span", { class: "chain-arrow", text: " → " }) : null, el("span", { class: "chain-link", text: name })]));
}

export async function renderActors(main, params) {
  const offset = Number(params.get("offset") || 0);
  const data = await getJSON("/api/actors", withParams(filterParams(params), { limit: PAGE, offset, level: params.get("level") || "code" }));
  const rows = data.actors.map((a) => el("tr", {},
    el("td", { "data-sort": a.actor }, el("a", { href: hashFor("overview", withParams(params, { actor: a.actor, offset: null })), class: "mono", text: a.actor })),
    el("td", { text: a.name || "" }),
    el("td", { class: "num", text: fmt(a.events) }), el("td", { class: "num", text: fmt(a.as_source) }), el("td", { class: "num", text: fmt(a.as_target) }),
    el("td", { class: "num", text: a.goldstein_mean ?? "" }),
    el("td", {}, a.partners.map((p, i) => [i ? ", " : null, el("a", { href: hashFor("events", withParams(params, { source: a.actor, target: p.actor, offset: null })), text: `${p.actor} (${fmt(p.events)})` })])),
  ));
  clear(main).append(
    el("div", { class: "view-head" }, el("h1", { text: "Actors" }), el("span", { class: "count muted", text: "events as source or target, mean Goldstein score, top partners" })),
    sortable(el("table", { class: "data", id: "actors-table" },
      el("thead", {}, el("tr", {}, ["actor", "name", "events", "as source", "as target", "Goldstein (mean)", "top partners (events either way; link: this actor as source)"].map((h) => el("th", { text: h })))),
      el("tbody", {}, rows))),
    rows.length ? pager("actors", params, offset, rows.length, data.actors.length === PAGE) : el("p", { class: "empty", text: "No actors match the filter." }),
  );
}
