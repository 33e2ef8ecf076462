import type { SlotRef } from "../../core/doc.js";
import type { EventLexicon } from "./event-lexicon.js";
import type { Candidate, SentenceView } from "./sentence-view.js";
import type { EventToken } from "./event-tokens.js";
import { nameAfterDemonym } from "./resolve-slots.js";

const STOP = new Set([",", ".", "\"", "“", "”", "«", "»", "(", ")", "–", "—", ";", ":"]);
/** A punctuation mark that ends a source's phrase (a word never does: its forms are not read). */
function stop(t: EventToken): boolean {
  return !t.isWord && STOP.has(t.forms[0]);
}
const PRONOUNS = new Set(["it", "he", "she", "they", "we", "il", "elle", "ils", "elles", "nous"]);

/** Who the sentence says reports it: "according to Reuters", "An informed security source told Press TV". */
export function findAttribution(v: SentenceView, text: string, lex: EventLexicon): SlotRef | null {
  const toks = v.tokens;
  for (const m of lex.attribution.findAll(toks)) {
    let a: number, b: number;
    if (m.value === "before" || m.value === "verb-before") {
      a = m.from;
      b = m.to;
      while (b < toks.length && b - m.to < 8 && !stop(toks[b]) && v.marks[b] !== "break") b++;
      if (b === m.to) continue;
    } else {
      b = m.to;
      a = m.from;
      while (a > 0 && m.from - a < 8 && !stop(toks[a - 1]) && v.marks[a - 1] !== "break") a--;
      if (a === m.from) {
        // "…», a déclaré la source": the source follows the verb
        while (b < toks.length && b - m.to < 8 && !stop(toks[b]) && v.marks[b] !== "break") b++;
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

const SPEAKER_TYPES: ReadonlySet<string> = new Set(["person", "armed_group", "organization", "government_body", "state", "media"]);

/**
 * The party a sentence quotes: the name nearest before its reporting verb, across an apposition ("Milley, the
 * chairman of the Joint Chiefs of Staff, said"), a pronoun included ("he added"); the name after a verb that comes
 * first ("قال المتحدث …", "…, a déclaré la source") or after "according to".
 */
export function findSpeaker(v: SentenceView, lex: EventLexicon): Candidate | null {
  const toks = v.tokens;
  // "“We have said …,” the spokesman told reporters": a first-person pronoun stands for the speaker, it does not name one
  const ok = (c: Candidate) => SPEAKER_TYPES.has(c.entity.type) && !c.roles.has("target") && !c.roles.has("location") && !c.hyphenated && !c.speaker;
  for (const m of lex.attribution.findAll(toks)) {
    if (m.value === "after" || m.value === "after-nobreak") {
      // back to the name: at most two commas (an apposition) and twelve tokens, never across a quotation mark
      let commas = 0;
      let best: Candidate | null = null;
      for (let k = m.from - 1; k >= 0 && m.from - k <= 12; k--) {
        // (punctuation only: a word's forms are not read)
        const f = toks[k].isWord ? "" : toks[k].forms[0];
        if (QUOTE_MARKS.has(f) || f === ";" || f === ":") break;
        if (f === "," && ++commas > 2) break;
        const c = v.candidates.find((x) => x.to === k + 1 && ok(x));
        if (c) {
          best = c;
          break;
        }
      }
      if (best) return best;
    }
    // "…, a déclaré la source", "قال الرئيس", "according to Reuters": the name after, when the verb comes first
    const inverted = m.value === "before" || m.value === "verb-before" || m.from === 0 || /^[,"“”«»،]$/.test(toks[m.from - 1].forms[0]);
    if (!inverted) continue;
    // ("وتابع: "…": a name inside the quotation that follows is not the speaker)
    const c = v.candidates.find((x) => x.from >= m.to && x.from - m.to <= 6 && ok(x) && !toks.slice(m.to, x.from).some((t) => QUOTE_MARKS.has(t.forms[0]) || t.forms[0] === ":"));
    // "قال الرئيس الأمريكي جو بايدن": the president, not his country
    if (c) return nameAfterDemonym(v, c, lex);
  }
  return null;
}

const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "“", "”", "«", "»"]);
