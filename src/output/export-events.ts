import type { StoredEvent } from "../store/news-store.js";

type Rec = {
  type: string; mode?: string | null; cameo?: string | null; status: string;
  acled?: { event_type: string; sub_event_type: string } | null;
  actor?: { text: string } | null; target?: { text: string } | null;
  location?: { text: string; lat?: number | null; lon?: number | null } | null;
  date?: { date: string; precision: string } | null; counts?: { killed?: number; injured?: number; munitions?: number };
  evidence?: { text: string }; attribution?: { text: string } | null;
};

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** ACLED-style CSV: event_date, event_type, sub_event_type, actor1, actor2, location, latitude, longitude, fatalities (empty when the text gives none), source, notes. */
export function eventsToCsv(events: readonly StoredEvent[]): string {
  const head = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude", "longitude", "fatalities", "source", "notes", "plover_type", "status"];
  const rows = events.map((e) => {
    const r = e.record as Rec;
    return [
      r.date?.date ?? "", r.acled?.event_type ?? "", r.acled?.sub_event_type ?? "", r.actor?.text ?? "", r.target?.text ?? "",
      // a toll the text does not give stays empty, not 0
      r.location?.text ?? "", r.location?.lat ?? "", r.location?.lon ?? "", r.counts?.killed ?? "",
      e.outlet ?? e.file, (r.evidence?.text ?? "").replace(/\s+/g, " ").slice(0, 500), r.type, r.status,
    ].map(csvCell).join(",");
  });
  return [head.join(","), ...rows].join("\n") + "\n";
}

/** PLOVER-style JSON lines: one event per line with its PLOVER fields and provenance. */
export function eventsToPlover(events: readonly StoredEvent[]): string {
  return events
    .map((e) => {
      const r = e.record as Rec;
      return JSON.stringify({
        event_type: r.type, mode: r.mode ?? null, cameo: r.cameo ?? null, event_date: r.date?.date ?? null, date_precision: r.date?.precision ?? null,
        actor: r.actor?.text ?? null, recipient: r.target?.text ?? null, location: r.location?.text ?? null,
        latitude: r.location?.lat ?? null, longitude: r.location?.lon ?? null, status: r.status,
        fatalities: r.counts?.killed ?? null, injuries: r.counts?.injured ?? null, source: e.outlet ?? null, url: e.url, doc: e.file,
        attribution: r.attribution?.text ?? null, evidence: r.evidence?.text ?? null,
      });
    })
    .join("\n") + (events.length ? "\n" : "");
}

/** GeoJSON FeatureCollection of the events that have coordinates. */
export function eventsToGeoJson(events: readonly StoredEvent[]): string {
  const features = events
    .filter((e) => (e.record as Rec).location?.lat != null && (e.record as Rec).location?.lon != null)
    .map((e) => {
      const r = e.record as Rec;
      return {
        type: "Feature",
        geometry: { type: "Point", coordinates: [r.location!.lon, r.location!.lat] },
        properties: { type: r.type, mode: r.mode ?? null, status: r.status, date: r.date?.date ?? null, actor: r.actor?.text ?? null, target: r.target?.text ?? null, location: r.location!.text, killed: r.counts?.killed ?? null, source: e.outlet ?? e.file },
      };
    });
  return JSON.stringify({ type: "FeatureCollection", features }, null, 1) + "\n";
}
