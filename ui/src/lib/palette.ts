// Colours by PLOVER type (grouped: verbal/material cooperation in greens and blues, verbal/material conflict in
// ambers and reds), by event status, by stance, by entity type and by graph edge kind. One table, used by every view.

/** The 16 PLOVER event types, in PLOVER's order from cooperation to conflict. */
export const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"] as const;

/** How the text presents an event (the contract's statuses). */
export const STATUSES = ["occurred", "ongoing", "planned", "threatened", "conditional", "suspended", "resumed", "denied"] as const;

/** Languages the pipeline analyses. */
export const LANGUAGES: readonly { code: string; name: string }[] = [
  { code: "en", name: "English" },
  { code: "fr", name: "French" },
  { code: "ar", name: "Arabic" },
];

const TYPE_COLOR: Record<string, string> = {
  AGREE: "#1b9e77", CONSULT: "#4daf7c", SUPPORT: "#66a61e", CONCEDE: "#8fbc4b",
  COOPERATE: "#1f78b4", AID: "#3d9bd6", RETREAT: "#7fb2d9",
  REQUEST: "#a6761d", ACCUSE: "#d9a21b", REJECT: "#b8860b", THREATEN: "#e66101",
  PROTEST: "#9e4fa5", SANCTION: "#7b3294", MOBILIZE: "#d95f02", COERCE: "#c2185b", ASSAULT: "#c62828",
};

const STATUS_COLOR: Record<string, string> = {
  occurred: "#b71c1c", ongoing: "#e65100", planned: "#6a1b9a", threatened: "#ad1457", conditional: "#8e24aa",
  suspended: "#1565c0", resumed: "#d84315", denied: "#546e7a",
};

const STANCE_COLOR: Record<string, string> = {
  suspended: "#1565c0", resuming: "#d84315", attacking: "#b71c1c", escalating: "#ef6c00", "de-escalating": "#2e7d32",
};

const ENTITY_COLOR: Record<string, string> = {
  person: "#6a1b9a", armed_group: "#c62828", organization: "#00838f", state: "#1565c0", government_body: "#283593",
  media: "#5d4037", place: "#2e7d32", facility: "#558b2f", weapon: "#616161", event_name: "#ef6c00",
};

const EDGE_COLOR: Record<string, string> = {
  "acts-against": "#c62828", "allies-with": "#2e7d32", "speaks-for": "#1565c0", "member-of": "#6d4c41",
};

const GREY = "#78909c";

/** Colour of a PLOVER type. */
export const typeColor = (t: string): string => TYPE_COLOR[t] ?? GREY;
/** Colour of an event status. */
export const statusColor = (s: string): string => STATUS_COLOR[s] ?? GREY;
/** Colour of a stance step. */
export const stanceColor = (s: string): string => STANCE_COLOR[s] ?? GREY;
/** Colour of an entity type. */
export const entityColor = (t: string): string => ENTITY_COLOR[t] ?? GREY;
/** Colour of an actor-graph edge kind. */
export const edgeColor = (k: string): string => EDGE_COLOR[k] ?? GREY;
/** The edge kinds the graph legend lists. */
export const EDGE_KINDS = Object.keys(EDGE_COLOR);
