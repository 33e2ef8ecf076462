import type { EventLexicon, EventTables, TriggerEntry } from "./event-lexicon.js";
import type { EventToken } from "./event-tokens.js";
import { normalizeWord } from "./event-tokens.js";
import { refineAcled } from "./refine-acled.js";

const segmenters = new Map<string, Intl.Segmenter>();

/** Word and punctuation tokens of a free text (no pipeline), normalized as the lexicons are. */
export function tokenizeText(text: string, lang: string): EventToken[] {
  let seg = segmenters.get(lang);
  if (!seg) segmenters.set(lang, (seg = new Intl.Segmenter(lang, { granularity: "word" })));
  const out: EventToken[] = [];
  for (const w of seg.segment(text)) {
    if (!w.segment.trim()) continue;
    out.push({ start: w.index, end: w.index + w.segment.length, forms: [normalizeWord(w.segment, lang)], isWord: !!w.isWordLike });
  }
  return out;
}

/** CASE 2021's code for a claim or an attribution of responsibility. */
const ATTRIB = "ATTRIB";
/** A responsibility statement outranks the attack it is about ("Islamic State takes credit for the suicide bombing"). */
const RESP_PRIO = 10;
/**
 * The code of a snippet with no trigger: text that reports no attack, no statement, no protest most often tells of
 * forces moving or reorganising ("troops were redeployed to …").
 */
const QUIET = "CHANGE_TO_GROUP_ACT";

/** The ACLED (or CASE 2021) code a trigger stands for, refined by the weapon the text names. */
function codeOf(t: TriggerEntry, weaponMode: string | null, tables: EventTables): string | null {
  if (t.type === "ASSAULT" && (!t.acled || t.acled === "ATTACK") && !t.mode && weaponMode) {
    return tables.plover.get(`ASSAULT/${weaponMode}`)?.acled ?? t.acled;
  }
  if (t.acled) return t.acled;
  if (!t.type) return null;
  return (t.mode ? tables.plover.get(`${t.type}/${t.mode}`) : undefined)?.acled ?? tables.plover.get(`${t.type}/-`)?.acled ?? null;
}

/**
 * The main event of a short snippet as an ACLED sub-event code: the most specific trigger (highest priority,
 * then the earliest), refined by the weapon named. `fallback` when no trigger is found.
 */
export function classifySnippet(text: string, lex: EventLexicon, tables: EventTables, fallback = QUIET): { code: string; trigger: string | null } {
  const tokens = tokenizeText(text, lex.lang);
  const weapon = lex.weapons.findAll(tokens)[0]?.value ?? null;
  let best: { code: string; prio: number; at: number; phrase: string } | null = null;
  // the first sentence states the main event; later ones add background
  const firstEnd = tokens.findIndex((t) => t.forms[0] === "." || t.forms[0] === "!" || t.forms[0] === "?");
  const found = lex.triggers.findAll(tokens);
  const firstAttack = found.find((m) => m.value.type === "ASSAULT" && !m.value.resp)?.from ?? Infinity;
  for (const m of found) {
    // who is behind an attack (a claim, an accusation, a denial) is the news itself, CASE's "ATTRIB", when the text
    // leads with it ("Taliban denied it was behind the attack"); after the attack it only qualifies it ("an attack
    // blamed on Boko Haram")
    const code = m.value.resp ? ATTRIB : codeOf(m.value, weapon, tables);
    if (!code) continue;
    // a statement (a threat, an accusation, talks) is the main event only when nothing happens
    const base = m.value.resp ? (m.from < firstAttack ? RESP_PRIO : 3) : code === "DIPLO" && !m.value.acled ? Math.min(m.value.prio, 2) : m.value.prio;
    const prio = base + (firstEnd < 0 || m.from < firstEnd ? 0.5 : 0);
    if (!best || prio > best.prio) best = { code, prio, at: m.from, phrase: m.value.phrase };
  }
  return best ? { code: refineAcled(best.code, tokens, best.at, lex, tables), trigger: best.phrase } : { code: fallback, trigger: null };
}
