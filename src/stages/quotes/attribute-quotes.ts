import type { Citation, Claim, Doc, Quote, SlotRef, Span } from "../../core/doc.js";
import { sentenceAt } from "../../core/sentence-at.js";
import { postAttribution, preAttribution, verbFinder, type Attribution } from "./find-attribution.js";
import { findClaims } from "./find-claims.js";
import { findQuoteSpans, type QuoteSpan } from "./find-quote-spans.js";
import type { Words } from "./phrase-index.js";
import { resolved, SpeakerResolver, speakerMentions, type Resolved } from "./resolve-speaker.js";
import { countWords, objectList, sortByStart } from "./speaker-phrase.js";
import type { SpeechLexicon, SpeechVerb } from "./speech-lexicon.js";

/** Quotes shorter than this many words need a verb that introduces them or an attribution right after them. */
const MIN_FREE_WORDS = 5;

interface Pending {
  readonly anchor: number;
  readonly kind: "quote" | "claim" | "continue";
  readonly attribution: Attribution | null;
  readonly content: Span;
  readonly sentence: Span;
  readonly quotedBy?: Span | null;
  /** The speaker window lies after the quote ("Calling it “…,” Biden said"). */
  readonly forward?: boolean;
}

/** The colon of "Biden: “…”" standing in for a reporting verb. */
const COLON: SpeechVerb = { form: ":", lemma: ":", embed: true, cite: false, prep: false, pronoun: null };

/** Sentence lookup over doc.sentences (falls back to lines). */
function sentenceIndex(doc: Doc): (pos: number) => Span & { paragraph: number } {
  const ss = doc.sentences ?? [];
  return (pos: number) => {
    const k = sentenceAt(ss, pos);
    if (k >= 0) return ss[k];
    // between sentences: the next one
    if (-k - 1 < ss.length) return ss[-k - 1];
    const a = doc.text.lastIndexOf("\n", pos - 1) + 1;
    const b = doc.text.indexOf("\n", pos);
    return { start: a, end: b < 0 ? doc.text.length : b, paragraph: -1 };
  };
}

/**
 * Finds direct quotes and indirect claims, resolves their speakers in text order (so "he said" and "the statement said"
 * can refer back), and builds each claim's chain: outlet → cited medium → source → speaker.
 */
export function attributeQuotes(
  doc: Doc,
  lex: SpeechLexicon,
  titles: ReadonlySet<string>,
  cites: readonly Citation[],
  words?: Words,
): { quotes: Quote[]; claims: Claim[] } {
  const text = doc.text;
  const sentenceAt = sentenceIndex(doc);
  // captions and the headline carry no attributed speech (a "title" longer than a headline is a one-paragraph article)
  const bodyEnd = text.trimEnd().length;
  const skip = (doc.regions ?? []).filter((r) => r.kind === "caption" || (r.kind === "title" && r.end - r.start <= 250 && r.end < bodyEnd - 20));
  const captions = skip.filter((r) => r.kind === "caption");
  const inSkip = (p: number) => {
    for (const r of skip) if (r.start <= p && p < r.end) return true;
    return false;
  };
  const nWords = (s: Span) => countWords(text, s.start, s.end);
  const find = verbFinder(text, lex, words);
  // a quoted name (كتائب "حزب الله", the "Pentagon") is a label, not a quote
  // (gathered at the first quote: most of an article's sentences hold none)
  let names: Span[] | null = null;
  const namesOf = (): Span[] => {
    if (names) return names;
    names = [];
    for (const e of doc.entities ?? []) for (const m of e.mentions) names.push(m);
    return names;
  };
  // (a mention that starts at or before the quote's words and reaches their end)
  const isName = (q: QuoteSpan) => {
    for (const m of namesOf()) if (m.start <= q.start && q.end <= m.end + 1) return true;
    return false;
  };

  const spans = findQuoteSpans(text).filter((q) => q.depth === 0 && !inSkip(q.open) && /[\p{L}\p{N}]/u.test(text.slice(q.start, q.end)) && !isName(q));
  const media: Span[] = [...cites];
  for (const e of doc.entities ?? []) if (e.type === "media") for (const m of e.mentions) media.push(m);
  const pending: Pending[] = [];
  let prevLong: QuoteSpan | null = null;
  spans.forEach((q, i) => {
    const n = nWords(q);
    const sOpen = sentenceAt(q.open);
    let sClose = sentenceAt(Math.max(q.open, q.close - 1));
    const next = spans[i + 1];
    // "…regime,” he said." may be split after the mark: run on into a sentence that starts in lower case
    let limit = sClose.end;
    if (limit <= q.close + 1) {
      const after = text.slice(q.close + 1, q.close + 40);
      if (/^[ \t]*[,\p{Ll}–—-]/u.test(after) || /^[ \t]*(?:a-t-|a |ont |selon|according)/u.test(after)) {
        sClose = sentenceAt(q.close + 2 + (after.length - after.trimStart().length));
        limit = sClose.end;
      }
    }
    if (next && next.open < limit) limit = next.open;
    let lower = sOpen.start;
    // hard-wrapped text: a line that does not end a sentence runs on into the next ("… لقناة ¶ الجزيرة، أن "…"")
    const prevLine = text.slice(Math.max(0, lower - 200), lower);
    const prevText = prevLine.trimEnd();
    const gap = prevLine.slice(prevText.length);
    if (prevText && gap.includes("\n") && !/\n\s*\n/.test(gap) && !/[.!?؟:"”»]/.test(prevText[prevText.length - 1]))
      lower = sentenceAt(Math.max(0, lower - prevLine.length + prevText.length - 1)).start;
    if (prevLong && prevLong.close >= lower && prevLong.close < q.open) lower = prevLong.close + 1;
    if (n >= 4) prevLong = q;
    const content: Span = { start: q.start, end: q.end };
    let post = postAttribution(text, q.close, limit, lex, find);
    // "…”، بحسب وكالة الأناضول": the medium it came through, not the speaker — unless nothing else speaks
    const viaMedium = (a: Attribution | null) => !!a?.speaker && a.verb.verb.prep && media.some((m) => m.start < a.speaker!.end && a.speaker!.start < m.end);
    let pre = post && !viaMedium(post) ? null : preAttribution(text, lower, q.open, lex, sOpen.start, find);
    if (pre && post) post = null;
    const att = post ?? pre;
    if (att) {
      const ok = n >= MIN_FREE_WORDS || att.mode !== "embedded" || att.verb.verb.embed;
      // "Calling it a “despicable attack,” Biden said, …": an opening participle's subject follows the quote
      const opener = att === pre && !att.verb.verb.prep && att.verb.start === sOpen.start && /^\p{Lu}/u.test(att.verb.text);
      const fwd: Attribution | null = opener ? { ...att, speaker: { start: q.close + 1, end: Math.min(sClose.end, q.close + 120) }, full: false } : null;
      if (ok) pending.push({ anchor: att.verb.start, kind: "quote", attribution: fwd ?? att, content, sentence: sOpen, forward: !!fwd });
      return;
    }
    // "Biden: “We will hold those responsible …”" — a name and a colon
    const lead = /^\s*([^,;:.!?“”"«»]{2,60}?)\s*:\s*$/u.exec(text.slice(sOpen.start, q.open));
    if (lead && namesOf().some((m) => m.start >= sOpen.start && m.end <= q.open)) {
      const sp = { start: sOpen.start + lead.index + lead[0].indexOf(lead[1]), end: sOpen.start + lead.index + lead[0].indexOf(lead[1]) + lead[1].length };
      const colon: Attribution = { mode: "direct", verb: { start: sp.end, end: sp.end + 1, text: ":", verb: COLON }, speaker: sp, full: true, pronoun: null };
      pending.push({ anchor: sp.start, kind: "quote", attribution: colon, content, sentence: sOpen });
      return;
    }
    if (n < MIN_FREE_WORDS) return;
    // "… said in a statement:" ¶ "…"  — the sentence before ends with a colon
    const beforeText = text.slice(Math.max(0, q.open - 3), q.open);
    if (/:\s*$/.test(text.slice(Math.max(0, q.open - 4), q.open)) || (/\n\s*$/.test(beforeText) && /:\s*$/.test(text.slice(0, q.open).trimEnd()))) {
      const colon = text.slice(0, q.open).trimEnd().length;
      const s = sentenceAt(colon - 1);
      const a = preAttribution(text, s.start, colon, lex, undefined, find);
      if (a) {
        pending.push({ anchor: a.verb.start, kind: "quote", attribution: a, content, sentence: s });
        return;
      }
    }
    // a quote that opens its sentence with no verb of its own continues the previous speaker's words
    const startsSentence = !text.slice(sOpen.start, q.open).trim();
    if (startsSentence) pending.push({ anchor: q.open, kind: "continue", attribution: null, content, sentence: sOpen });
  });

  const quoted = objectList<Span>();
  for (const q of spans) quoted.push({ start: q.open, end: q.close });
  // unmarked speech after a colon: "وقالت الميليشيا في بيان: هاجم عناصرنا …", "Biden said in a statement: We will …"
  // the first colon at or after the sentence start, looked up again only when the sentence has passed it
  let colonAt = -2;
  let from = -1;
  for (const s of doc.sentences ?? []) {
    if (colonAt === -2 || s.start < from || (colonAt >= 0 && colonAt < s.start)) colonAt = text.indexOf(":", s.start);
    from = s.start;
    if (colonAt < 0 || colonAt >= s.end || inSkip(s.start)) continue;
    const seg = text.slice(s.start, s.end);
    const c = seg.search(/:\s+[^\s“”"«»'‘]/u);
    if (c < 0 || quoted.some((q) => q.start >= s.start && q.start < s.end)) continue;
    const colon = s.start + c;
    const a = preAttribution(text, s.start, colon + 1, lex, undefined, find);
    if (!a || a.verb.verb.prep || countWords(text, a.verb.end, colon, 13) > 12) continue;
    const content = { start: colon + 1 + (seg.slice(c + 1).length - seg.slice(c + 1).trimStart().length), end: s.end };
    while (content.end > content.start && /[\s.]/.test(text[content.end - 1])) content.end--;
    if (nWords(content) < MIN_FREE_WORDS) continue;
    pending.push({ anchor: a.verb.start, kind: "quote", attribution: a, content, sentence: s });
  }
  for (const s of doc.sentences ?? []) {
    if (inSkip(s.start)) continue;
    for (const c of findClaims(text, s, lex, quoted, find)) pending.push({ anchor: c.verb.start, kind: "claim", attribution: c.attribution, content: c.content, sentence: s, quotedBy: c.quotedBy });
  }
  // nothing attributed: no speaker to resolve (the resolver's mentions and the chains are not built)
  if (!pending.length) return { quotes: [], claims: [] };
  pending.sort((a, b) => a.anchor - b.anchor || (a.kind === "claim" ? 1 : -1));

  const dl = doc.meta?.dateline; // "Baghdad, March 6 (RHC)--": the credit there is not a speaker
  // Arabic puts the verb first: "أعلنت كتائب حزب الله …" has its subject after one word
  const isSubject = (m: Span) => {
    const before = text.slice(sentenceAt(m.start).start, m.start).replace(/^\s*(?:the|le|la|les|l['’])\s*/i, "");
    return countWords(before, 0, before.length, 5) <= (lex.iso === "ar" ? 3 : 0);
  };
  const resolver = new SpeakerResolver(text, speakerMentions(doc).filter((m) => !(dl && m.start < dl.end && dl.start < m.end) && !captions.some((r) => r.start <= m.start && m.start < r.end)), lex, titles, isSubject, quoted, words);
  // "…, vowing “…”": a participle's subject is the subject of the main clause, at the start of the window
  // … and so is the subject of a verb coordinated with an earlier one: "Biden said … and promised to “…”"
  const participle = (a: Attribution) =>
    (lex.iso !== "ar" && /(?:ing|ant)$/i.test(a.verb.text)) || /(?:\band|\bet)\s+$/i.test(text.slice(Math.max(0, a.verb.start - 6), a.verb.start));
  const outlet = doc.meta?.outlet;
  const entityOfKb = (kb: string | null | undefined) => (kb ? (doc.entities ?? []).find((e) => e.kb === kb)?.id ?? null : null);
  const outletRef: SlotRef | null = outlet ? { entity: entityOfKb(outlet.kb), text: outlet.name } : null;
  const citeOf = new Map<string, Citation>();
  const keyOf = (r: Resolved) => (r.kind === "source" ? "source" : r.ref.entity ?? r.ref.text.toLowerCase());
  const quotes: Quote[] = [];
  const claims: Claim[] = [];
  let lastQuote = null as { who: Resolved; at: number } | null;
  const seen = new Set<string>();
  for (const p of pending) {
    let who: Resolved | null = null;
    const a = p.attribution;
    if (p.kind === "continue") {
      if (lastQuote && p.anchor - lastQuote.at < 1200) who = resolved(lastQuote.who.ref, lastQuote.who.kind, p.anchor);
    } else if (a) {
      if (a.pronoun) who = resolver.antecedent(a.pronoun, a.verb.start);
      else if (a.speaker && p.forward) who = resolver.resolve(a.speaker.start, a.speaker.end, false, true, true);
      else if (a.speaker && !a.full && participle(a)) who = resolver.resolve(p.sentence.start, a.speaker.end, false, true, true);
      else if (a.speaker) who = resolver.resolve(a.speaker.start, a.speaker.end, a.full) ?? (a.full ? null : resolver.resolve(a.speaker.start, a.speaker.end, false, true));
    }
    if (!who) continue;
    if (p.kind !== "continue") {
      // "أفادت وكالة رويترز بأنّ البنتاغون …، وقال": the medium reports; a later "he said" is the clause's subject
      const inner = who.type === "media" && p.kind === "claim" ? resolver.resolve(p.content.start, Math.min(p.content.end, p.content.start + 60), false, true, true) : null;
      const r = inner ?? who;
      resolver.remember(resolved(r.ref, r.kind, a ? a.verb.start : p.anchor, r.type));
    }
    // the medium the words come through: cited in the same sentence, or carried by this speaker from an earlier sentence
    const cite = cites.find((c) => c.start >= p.sentence.start && c.end <= p.sentence.end) ?? (p.quotedBy ? cites.find((c) => c.start >= p.quotedBy!.start && c.end <= p.quotedBy!.end + 40) : undefined);
    if (cite) citeOf.set(keyOf(who), cite);
    const via = cite ?? citeOf.get(keyOf(who));
    const speaker: SlotRef = who.ref;
    const chain: SlotRef[] = [];
    if (outletRef) chain.push(outletRef);
    // the medium, unless it is the speaker itself ("Forbes magazine reported …")
    const sp = speaker.span;
    if (via && !(sp && via.start < sp.end && sp.start < via.end)) chain.push({ entity: entityOfKb(via.kb), text: via.name, span: { start: via.start, end: via.end } });
    chain.push(speaker);
    const verb = a?.verb.text ?? null;
    if (p.kind === "claim") {
      claims.push({ speaker, verb: verb ?? "", content: { start: p.content.start, end: p.content.end, text: text.slice(p.content.start, p.content.end) }, chain });
      continue;
    }
    const k = `${p.content.start}:${p.content.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    lastQuote = { who, at: p.content.end };
    const qText = text.slice(p.content.start, p.content.end);
    quotes.push({ text: qText, start: p.content.start, end: p.content.end, speaker, verb, chain });
    claims.push({ speaker, verb: verb ?? "", content: { start: p.content.start, end: p.content.end, text: qText }, chain });
  }
  sortByStart(quotes);
  // one claim per content: "According to the PM, “…”" is found as a claim and as a quote
  const byStart = new Map<number, Claim>();
  for (const c of claims) {
    let s = c.content.start;
    while (s < c.content.end && /[\s“”"«»‘’']/.test(text[s])) s++;
    if (!byStart.has(s)) byStart.set(s, c);
  }
  return { quotes, claims: [...byStart.values()].sort((x, y) => x.content.start - y.content.start) };
}
