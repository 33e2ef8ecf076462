import type { Kysely } from "kysely";
import { dateInterval } from "./kysely-store.js";
import type { GraphRows } from "./news-store.js";
import type { Database } from "./schema.js";

/** Event actor → target counts by type (both linked to the KB), and quoted speakers' counts, for the actor graph. */
export async function graphRows(db: Kysely<Database>, f: { since?: string; until?: string; type?: string } = {}): Promise<GraphRows> {
  let q = db
    .selectFrom("events")
    .select(["actor_kb", "target_kb", "type", (eb) => eb.fn.countAll<number>().as("n")])
    .where("actor_kb", "is not", null)
    .where("target_kb", "is not", null)
    .whereRef("actor_kb", "!=", "target_kb");
  if (f.type) q = q.where("type", "=", f.type.toUpperCase());
  if (f.since) q = q.where("date", ">=", f.since);
  if (f.until) q = q.where("date", "<=", dateInterval(f.until)[1] ?? f.until);
  const events = (await q.groupBy(["actor_kb", "target_kb", "type"]).execute()).map((r) => ({ actorKb: r.actor_kb!, targetKb: r.target_kb!, type: r.type, count: Number(r.n) }));
  // Quoted speakers, from the (speaker, date) index alone.
  let s = db.selectFrom("quotes").select(["quotes.speaker_kb", (eb) => eb.fn.countAll<number>().as("n")]).where("quotes.speaker_kb", "is not", null);
  if (f.since) s = s.where("quotes.published_from", ">=", dateInterval(f.since)[0]);
  if (f.until) s = s.where("quotes.published_from", "<=", dateInterval(f.until)[1]);
  const speakers = f.type ? [] : (await s.groupBy("quotes.speaker_kb").execute()).map((r) => ({ kb: r.speaker_kb!, count: Number(r.n) }));
  return { events, speakers };
}
