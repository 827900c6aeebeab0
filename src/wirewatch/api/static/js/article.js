// Article view: the cleaned text with events, claims (content, speaker, cue), hedges and
// actor mentions highlighted, and a side list of events and claims with their reporting
// chains. The text is cut at every span boundary; each piece is a <span> whose classes say
// which spans cover it, and its characters go in with textContent only.

import { el, clear, safeLink, fmt } from "./dom.js";
import { getJSON, hashFor } from "./state.js";
import { chain } from "./tables.js";
import { threadsOfArticle } from "./threads.js";

function spansOf(data) {
  const spans = [];
  // A title event (sentence_index -1) has its offsets in the title, not in the text: it is listed, not marked.
  data.events.forEach((e, i) => { if (e.sentence_index >= 0) spans.push({ start: e.char_start, end: e.char_end, cls: "ev", ref: `E${i + 1}`, mod: e.modality }); });
  data.claims.forEach((c, i) => {
    spans.push({ start: c.char_start, end: c.char_end, cls: "claim", ref: `C${i + 1}` });
    if (c.speaker_span) spans.push({ start: c.speaker_span.char_start, end: c.speaker_span.char_end, cls: "speaker", ref: `C${i + 1}` });
    if (c.cue_span) spans.push({ start: c.cue_span.char_start, end: c.cue_span.char_end, cls: "cue", ref: `C${i + 1}` });
    for (const h of c.hedge_spans || []) spans.push({ start: h.char_start, end: h.char_end, cls: "hedge", ref: `C${i + 1}` });
  });
  for (const m of data.mentions || []) spans.push({ start: m.char_start, end: m.char_end, cls: "mention", title: m.code || "" });
  return spans;
}

export function markedText(text, spans) {
  const size = text.length;
  const clean = spans.map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(size, s.end) })).filter((s) => s.start < s.end);
  const cuts = [...new Set([0, size, ...clean.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const body = el("div", { class: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [left, right] = [cuts[i], cuts[i + 1]];
    const covering = clean.filter((s) => s.start <= left && right <= s.end);
    const piece = text.slice(left, right);
    if (!covering.length) { body.append(document.createTextNode(piece)); continue; }
    const classes = [...new Set(covering.map((s) => s.cls))];
    const refs = [...new Set(covering.filter((s) => s.ref).map((s) => s.ref))];
    const modality = covering.find((s) => s.cls === "ev" && s.mod && s.mod !== "asserted");
    const span = el("span", { class: classes.join(" ") + (modality ? ` mod-${modality.mod}` : ""), "data-refs": refs.join(" "), text: piece });
    const titles = covering.filter((s) => s.title).map((s) => s.title);
    if (titles.length) span.title = titles.join(", ");
    body.append(span);
    for (const s of clean) if (s.end === right && (s.cls === "ev" || s.cls === "claim")) body.append(el("sup", { class: `mark ${s.cls}`, text: s.ref }));
  }
  return body;
}

function focus(ref, on) {
  for (const node of document.querySelectorAll("#article-text [data-refs]")) {
    if (node.dataset.refs.split(" ").includes(ref)) node.classList.toggle("focus", on);
  }
}

function legendItem(ref, children) {
  return el("li", { "data-ref": ref, onmouseenter: () => focus(ref, true), onmouseleave: () => focus(ref, false) }, children);
}

export async function renderArticle(main, articleId) {
  const data = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
  const a = data.article;
  // Threads are optional here: an article not threaded yet still shows.
  const threadOf = await threadsOfArticle(a.article_id).catch(() => new Map());
  const meta = el("p", { class: "meta" },
    a.publisher ? el("span", { text: a.publisher }) : null,
    a.published_at ? el("span", { class: "mono", text: a.published_at }) : null,
    (a.authors || []).length ? el("span", { text: a.authors.join(", ") }) : null,
    a.url ? safeLink(a.url) : null,
    el("span", { class: "mono muted", text: a.article_id }));
  const events = el("ol", { class: "legend-list", id: "article-events" }, data.events.map((e, i) => legendItem(`E${i + 1}`, [
    el("span", { class: "mark ev", text: `E${i + 1}` }), " ",
    el("b", { text: e.source_code || e.source_text || "?", title: (data.names || {})[e.source_code] || null }), ` ${e.cameo_code} ${e.plover_type} → `,
    el("b", { text: e.target_code || e.target_text || "—", title: (data.names || {})[e.target_code] || null }),
    el("span", { class: `modality ${e.modality}`, text: ` ${e.modality}` }),
    !(e.source_code || e.source_text || e.target_code || e.target_text)
      ? el("span", { class: "badge uncoded", title: "no source or target actor: not counted as an event by default", text: "uncoded" }) : null,
    e.place_name ? el("span", { class: "muted", text: ` at ${e.place_name}` }) : null,
    e.date ? el("span", { class: "muted", text: ` on ${e.date}` }) : null,
    e.claimant ? el("span", { class: "per", text: ` per ${e.claimant}` }) : null,
  ])));
  const claims = el("ol", { class: "legend-list", id: "article-claims" }, data.claims.map((c, i) => legendItem(`C${i + 1}`, [
    el("span", { class: "mark claim", text: `C${i + 1}` }), " ",
    el("b", { text: c.speaker_name || c.speaker_text || "unattributed" }),
    c.state_media ? el("span", { class: "badge state", text: "state media" }) : null,
    el("span", { class: "muted", text: ` ${c.kind}${c.cue ? ", “" + c.cue + "”" : ""}` }),
    el("span", { class: `certainty ${c.certainty}`, text: ` certainty ${c.certainty}` }),
    (c.hedges || []).length ? el("span", { class: "hedge-list", text: ` hedged: ${c.hedges.join(", ")}` }) : null,
    (c.chain || []).length ? el("div", { class: "chain-row" }, chain(c.chain)) : null,
    threadOf.has(c.claim_id) ? el("a", { class: "thread-link", "data-thread-id": threadOf.get(c.claim_id),
      href: hashFor("thread", new URLSearchParams(), threadOf.get(c.claim_id)), text: "thread →" }) : null,
  ])));
  clear(main).append(
    el("div", { class: "article-view" },
      el("article", {},
        el("h1", { class: "article-title", id: "article-title", text: a.title || "(no title)" }), meta,
        el("ul", { class: "legend key" },
          el("li", {}, el("span", { class: "ev sample", text: "event" })), el("li", {}, el("span", { class: "claim sample", text: "claim" })),
          el("li", {}, el("span", { class: "speaker sample", text: "speaker" })), el("li", {}, el("span", { class: "cue sample", text: "cue" })),
          el("li", {}, el("span", { class: "hedge sample", text: "hedge" })), el("li", {}, el("span", { class: "mention sample", text: "actor" }))),
        markedText(a.text, spansOf(data))),
      el("aside", { class: "article-side" },
        el("h2", { text: `Events (${fmt(data.events.length)})` }), events,
        el("h2", { text: `Claims and reporting chains (${fmt(data.claims.length)})` }), claims)));
}
