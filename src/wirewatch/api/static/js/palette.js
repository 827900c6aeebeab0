// Colours: cooperation cool, conflict warm, the same everywhere in the dashboard.

export const PLOVER_COLOURS = {
  agree: "#4e79a7", consult: "#76b7b2", support: "#59a14f", concede: "#8cd17d",
  cooperate: "#499894", aid: "#2f6f9f", retreat: "#b6992d", request: "#9c9ede",
  accuse: "#f28e2b", reject: "#ffbe7d", threaten: "#e15759", protest: "#d37295",
  sanction: "#b07aa1", mobilize: "#9d7660", coerce: "#a0522d", assault: "#b22222",
  influence: "#6a3d9a",  // wirewatch's extension type for state-media influence campaigns
};
export const QUAD_COLOURS = { 1: "#8cc084", 2: "#2e7d32", 3: "#f0a04b", 4: "#c62828" };
export const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
export const OTHER = "#b8b2a7";
export const COOPERATION = "#2e7d32";
export const CONFLICT = "#c62828";
export const NEUTRAL = "#8a8f98";

export function keyColour(by, key) {
  if (by === "quad_class") return QUAD_COLOURS[key] || OTHER;
  if (by === "plover_type") return PLOVER_COLOURS[String(key).toLowerCase()] || OTHER;
  return OTHER;
}

export function keyLabel(by, key) {
  if (by === "quad_class") return `${key} ${QUAD_NAMES[key] || ""}`.trim();
  return by === "plover_type" ? String(key).toLowerCase() : key;
}

// An edge or a place: green when cooperation dominates, red when conflict does.
export function balanceColour(cooperation, conflict) {
  if (cooperation > conflict) return COOPERATION;
  if (conflict > cooperation) return CONFLICT;
  return NEUTRAL;
}
