import type { SlotRef } from "../../core/doc.js";
import type { EventLexicon } from "./event-lexicon.js";
import type { SentenceView } from "./sentence-view.js";

const STOP = new Set([",", ".", "\"", "“", "”", "«", "»", "(", ")", "–", "—", ";", ":"]);
const PRONOUNS = new Set(["it", "he", "she", "they", "we", "il", "elle", "ils", "elles", "nous"]);

/** Who the sentence says reports it: "according to Reuters", "An informed security source told Press TV". */
export function findAttribution(v: SentenceView, text: string, lex: EventLexicon): SlotRef | null {
  const toks = v.tokens;
  for (const m of lex.attribution.findAll(toks)) {
    let a: number, b: number;
    if (m.value === "before" || m.value === "verb-before") {
      a = m.from;
      b = m.to;
      while (b < toks.length && b - m.to < 8 && !STOP.has(toks[b].forms[0]) && v.marks.get(b) !== "break") b++;
      if (b === m.to) continue;
    } else {
      b = m.to;
      a = m.from;
      while (a > 0 && m.from - a < 8 && !STOP.has(toks[a - 1].forms[0]) && v.marks.get(a - 1) !== "break") a--;
      if (a === m.from) {
        // "…», a déclaré la source": the source follows the verb
        while (b < toks.length && b - m.to < 8 && !STOP.has(toks[b].forms[0]) && v.marks.get(b) !== "break") b++;
        if (b === m.to) continue;
      }
      if (m.from - a === 1 && PRONOUNS.has(toks[a].forms[0])) continue;
      // "told Press TV": keep the addressee
      const ent = v.candidates.find((c) => c.from === m.to && c.entity.type === "media");
      if (ent) b = ent.to;
    }
    const start = toks[a].start, end = toks[b - 1].end;
    const src = v.candidates.find((c) => c.start >= start && c.end <= end && (c.entity.type === "media" || c.entity.type === "person" || c.entity.type === "organization" || c.entity.type === "government_body"));
    return { entity: src?.entity.id || null, text: text.slice(start, end), span: { start, end } };
  }
  return null;
}
