// Claim threads: the list (one statement followed across outlets) and one thread drawn as a
// time-ordered chain of outlets, state-affiliated hops and dropped attributions marked, with
// each hop's own text and what changed from the hop before. All text goes in as text (dom.js).

import { el, clear, fmt, safeLink } from "./dom.js";
import { hashFor, withParams, getJSON } from "./state.js";

const THREAD_FILTERS = ["since", "until", "outlet", "state_media"];

function listParams(params) {
  const out = new URLSearchParams({ limit: "50" });
  for (const key of THREAD_FILTERS) if (params.get(key)) out.set(key, params.get(key));
  if (params.get("actor")) out.set("speaker", params.get("actor"));
  for (const key of ["drift", "laundering", "min_articles", "offset"]) if (params.get(key)) out.set(key, params.get(key));
  return out;
}

function marks(list, cls) {
  return (list || []).map((m) => el("span", { class: `badge ${cls}`, text: m }));
}

export async function renderThreads(main, params) {
  const page = await getJSON("/api/threads", listParams(params));
  const drift = params.get("drift") || "";
  const choose = el("label", { class: "inline" }, "drift ",
    el("select", { name: "thread-drift", onchange: (e) => { location.hash = hashFor("threads", withParams(params, { drift: e.target.value, offset: null })); } },
      [["", "any or none"], ["any", "any drift"], ["hedge dropped", "hedge dropped"], ["number changed", "number changed"],
        ["speaker lost", "speaker lost"], ["certainty up", "certainty up"]].map(([v, label]) => el("option", { value: v, selected: v === drift ? "selected" : null, text: label }))));
  const rows = page.threads.map((t) => el("tr", { "data-thread-id": t.thread_id },
    el("td", {}, el("a", { href: hashFor("thread", new URLSearchParams(), t.thread_id), class: "mono", text: t.thread_id.slice(0, 8) })),
    el("td", { class: "mono", text: t.first_seen || "" }),
    el("td", { text: fmt(t.articles) }),
    el("td", {}, t.state_hops ? el("span", { class: "badge state", text: `state ×${t.state_hops}` }) : null,
      t.laundered_hops ? el("span", { class: "badge laundered", text: `attribution dropped ×${t.laundered_hops}` }) : null),
    el("td", {}, marks(t.drift, "drift")),
    el("td", { text: (t.chain || []).join(" → ") }),
    el("td", { text: t.content || "" })));
  clear(main).append(
    el("div", { class: "view-head" }, el("h1", { text: "Claim threads" }),
      el("span", { class: "count", id: "threads-count", text: `${fmt(page.total)} threads carried by two articles or more` }), choose),
    rows.length
      ? el("table", { class: "data", id: "threads-table" },
        el("thead", {}, el("tr", {}, ["thread", "first seen", "articles", "flags", "drift", "speaker → outlets", "claim"].map((h) => el("th", { text: h })))),
        el("tbody", {}, rows))
      : el("p", { class: "empty", text: "No threads match the filter." }));
}

function hopCard(h) {
  const changed = [];
  if ((h.hedges_dropped || []).length) changed.push(`hedge dropped: ${h.hedges_dropped.join(", ")}`);
  if ((h.hedges_added || []).length) changed.push(`hedge added: ${h.hedges_added.join(", ")}`);
  if (h.certainty_change) changed.push(`certainty ${h.certainty_change}`);
  if (h.speaker_change) changed.push(`speaker ${h.speaker_change}`);
  if ((h.drift || []).includes("number changed")) changed.push(`numbers: ${(h.numbers_before || []).join(", ") || "none"} → ${(h.numbers_after || []).join(", ") || "none"}`);
  const source = h.laundering ? "attribution dropped: stated as its own"
    : (h.credits || []).length ? `cites ${h.credits.join(", ")}` : h.speaker_name ? `cites ${h.speaker_name}` : "no source named";
  return el("li", { class: `hop${h.state_media ? " state" : ""}${h.laundering ? " laundered" : ""}`, "data-position": h.position },
    el("div", { class: "hop-head" },
      el("b", { text: h.publisher || "unknown outlet" }),
      h.state_media ? el("span", { class: "badge state", text: "state media" }) : null,
      h.laundering ? el("span", { class: "badge laundered", text: "laundering" }) : null,
      el("span", { class: "mono muted", text: ` ${h.published_at || "undated"} · ${h.kind}` })),
    el("div", { class: "muted hop-source", text: `${source}${h.relayed_from ? ` · relays ${h.relayed_from}` : ""}` }),
    el("blockquote", { class: "hop-text", text: h.text || "" }),
    changed.length ? el("ul", { class: "hop-drift" }, changed.map((c) => el("li", { text: c }))) : null,
    el("div", { class: "muted hop-match", text: h.match || "" }),
    el("div", {}, el("a", { href: hashFor("article", new URLSearchParams(), h.article_id), text: "article →" }), " ", h.url ? safeLink(h.url) : null));
}

export async function renderThread(main, id) {
  const data = await getJSON(`/api/threads/${encodeURIComponent(id)}`);
  const t = data.thread;
  clear(main).append(
    el("div", { class: "view-head" }, el("h1", { text: `Thread ${t.thread_id}` }),
      el("a", { href: `/api/threads/${encodeURIComponent(t.thread_id)}?format=csv`, class: "button", download: "hops.csv", text: "download hops (CSV)" })),
    el("p", { id: "thread-chain", class: "chain", text: (t.chain || []).join(" → ") }),
    el("p", { class: "muted", text: `origin ${t.origin_publisher || "?"} (${t.origin_published_at || "undated"}), first outlet ${t.first_outlet || "?"} · ${fmt(t.articles)} article${t.articles === 1 ? "" : "s"} · ${fmt(t.state_hops)} state-affiliated · ${fmt(t.laundered_hops)} laundered` }),
    el("ol", { class: "hops", id: "thread-hops" }, data.hops.map(hopCard)));
}

// The article view's claims link to their threads: claim id -> thread id for one article.
export async function threadsOfArticle(articleId) {
  const page = await getJSON("/api/hops", new URLSearchParams({ article: articleId, limit: "1000" }));
  return new Map(page.hops.map((h) => [h.claim_id, h.thread_id]));
}
