// The filter state lives in the URL hash (#/view?actor=RUS&...), so every view, chart link
// and reload shows the same selection, and a chart's link to "the events behind it" is
// just the events view with the chart's parameters added.

export const FORM_FIELDS = [
  "actor", "source", "target", "country", "sector", "type", "quad_class", "q",
  "modality", "coding", "min_confidence", "certainty", "attributed", "place", "since", "until",
];
// Narrowing set by clicking charts, shown as removable chips rather than form fields.
export const CHIP_FIELDS = ["day_from", "day_to", "precision", "claim", "cluster", "article", "claimant", "outlet", "state_media"];
// The safe default of every interface: asserted events that have an actor, not held very likely
// wrong by the confidence model (the CLI's and the API's defaults too: events.confidence.SHOWN_FLOOR);
// the sidebar shows it, and widening it is one visible choice.
export const DEFAULTS = { modality: "asserted", coding: "coded", min_confidence: "0.2" };
// The filters the claims view can apply (as ClaimQuery): the others are greyed out there.
export const CLAIM_FILTERS = new Set(["actor", "certainty", "since", "until", "article", "outlet", "state_media"]);

export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(DEFAULTS)) if (!params.has(key)) params.set(key, value);
  return { view: parts[0] || "overview", arg: parts[1] || null, params };
}

export function hashFor(view, params, arg = null) {
  const clean = new URLSearchParams();
  for (const [key, value] of params) if (value !== "" && value !== null && value !== undefined) clean.append(key, value);
  const query = clean.toString();
  return `#/${view}${arg ? "/" + encodeURIComponent(arg) : ""}${query ? "?" + query : ""}`;
}

// The filter part of the state (no paging or view options) as API query parameters.
export function filterParams(params) {
  const out = new URLSearchParams();
  for (const key of [...FORM_FIELDS, ...CHIP_FIELDS]) {
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  return out;
}

export function withParams(params, extra) {
  const out = new URLSearchParams(params);
  for (const [key, value] of Object.entries(extra)) {
    if (value === null || value === undefined || value === "") out.delete(key);
    else out.set(key, String(value));
  }
  return out;
}

export async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return body;
}
