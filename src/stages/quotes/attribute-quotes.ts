import type { Citation, Claim, Doc, Quote, Region, SlotRef, Span } from "../../core/doc.js";
import { sentenceAt } from "../../core/sentence-at.js";
import { postAttribution, preAttribution, verbFinder, type Attribution, type VerbFinder } from "./find-attribution.js";
import { findClaims } from "./find-claims.js";
import { findQuoteSpans, type QuoteSpan } from "./find-quote-spans.js";
import type { Words } from "./phrase-index.js";
import { resolved, SpeakerResolver, speakerMentions, type Resolved } from "./resolve-speaker.js";
import { countWords, sortByStart } from "./speaker-phrase.js";
import { objectList } from "../../core/object-list.js";
import type { SpeechLexicon, SpeechVerb } from "./speech-lexicon.js";

/** Quotes shorter than this many words need a verb that introduces them or an attribution right after them. */
const MIN_FREE_WORDS = 5;

interface Pending {
  readonly anchor: number;
  readonly kind: "quote" | "claim" | "continue";
  readonly attribution: Attribution | null;
  readonly content: Span;
  readonly sentence: Span;
  readonly quotedBy: Span | null;
  /** The speaker window lies after the quote ("Calling it “…,” Biden said"). */
  readonly forward: boolean;
}

/** A Pending, always with every field (one object shape for the list sorted and read in order). */
function pendingOf(anchor: number, kind: Pending["kind"], attribution: Attribution | null, content: Span, sentence: Span, quotedBy: Span | null = null, forward = false): Pending {
  return { anchor, kind, attribution, content, sentence, quotedBy, forward };
}

/** The colon of "Biden: “…”" standing in for a reporting verb. */
const COLON: SpeechVerb = { form: ":", lemma: ":", embed: true, cite: false, prep: false, pronoun: null };

type SentenceOf = (pos: number) => Span & { paragraph: number };

/** Sentence lookup over doc.sentences (falls back to lines). */
function sentenceIndex(doc: Doc): SentenceOf {
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
 * What every step of the attribution reads, for one document. (attributeQuotes was one function of all its steps,
 * compiled as one big unit: now each step is a function of its own over this.)
 */
interface QuoteScan {
  readonly doc: Doc;
  readonly text: string;
  readonly lex: SpeechLexicon;
  readonly sentenceAt: SentenceOf;
  /** Captions, and the headline: they carry no attributed speech. */
  readonly skip: readonly Region[];
  readonly find: VerbFinder;
  /** Mentions of media: cited outlets and media entities. */
  readonly media: readonly Span[];
  /** The entity mentions, gathered at the first quote (most of an article's sentences hold none). */
  names: Span[] | null;
}

/** True when p lies in one of the regions. */
function inRegions(regions: readonly Span[], p: number): boolean {
  for (let i = 0; i < regions.length; i++) if (regions[i].start <= p && p < regions[i].end) return true;
  return false;
}

/** Captions, bylines and the headline (a "title" longer than a headline is a one-paragraph article). */
function skippedRegions(doc: Doc): Region[] {
  const bodyEnd = doc.text.trimEnd().length;
  return (doc.regions ?? []).filter((r) => r.kind === "caption" || r.kind === "byline" || (r.kind === "title" && r.end - r.start <= 250 && r.end < bodyEnd - 20));
}

function namesOf(scan: QuoteScan): Span[] {
  if (scan.names) return scan.names;
  // (an objectList: an article with no mention gives a list of the same array map as the others)
  const names = objectList<Span>();
  for (const e of scan.doc.entities ?? []) for (const m of e.mentions) names.push(m);
  return (scan.names = names);
}

/** A quoted name (كتائب "حزب الله", the "Pentagon") is a label, not a quote: a mention that starts at or before the quote's words and reaches their end. */
function isName(scan: QuoteScan, q: QuoteSpan): boolean {
  const names = namesOf(scan);
  for (let i = 0; i < names.length; i++) if (names[i].start <= q.start && q.end <= names[i].end + 1) return true;
  return false;
}

/** The outer quotes outside skipped regions that hold a letter or digit and are not a quoted name. */
function quoteSpans(scan: QuoteScan): QuoteSpan[] {
  const text = scan.text;
  return findQuoteSpans(text).filter((q) => q.depth === 0 && !inRegions(scan.skip, q.open) && /[\p{L}\p{N}]/u.test(text.slice(q.start, q.end)) && !isName(scan, q));
}

/** Where to look for a quote's attribution: its opening and closing sentences, and the bounds before and after it. */
interface QuoteWindow {
  readonly sOpen: Span & { paragraph: number };
  readonly sClose: Span & { paragraph: number };
  /** Where an attribution after the quote must end. */
  readonly limit: number;
  /** Where an attribution before the quote may start. */
  readonly lower: number;
}

function quoteWindow(scan: QuoteScan, q: QuoteSpan, next: QuoteSpan | undefined, prevLong: QuoteSpan | null): QuoteWindow {
  const { text, sentenceAt } = scan;
  const sOpen = sentenceAt(q.open);
  let sClose = sentenceAt(Math.max(q.open, q.close - 1));
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
  return { sOpen, sClose, limit, lower };
}

/** "…”، بحسب وكالة الأناضول": an attribution to the medium the words came through, not to the speaker. */
function viaMedium(scan: QuoteScan, a: Attribution | null): boolean {
  if (!a?.speaker || !a.verb.verb.prep) return false;
  const sp = a.speaker;
  for (let i = 0; i < scan.media.length; i++) if (scan.media[i].start < sp.end && sp.start < scan.media[i].end) return true;
  return false;
}

/** The pending quote of a quote with a reporting verb before or after it (null when too short for it), or undefined when it has none. */
function verbAttributed(scan: QuoteScan, q: QuoteSpan, n: number, w: QuoteWindow, content: Span): Pending | null | undefined {
  const { text, lex, find } = scan;
  let post = postAttribution(text, q.close, w.limit, lex, find);
  // "…”، بحسب وكالة الأناضول": the medium it came through, not the speaker — unless nothing else speaks
  let pre = post && !viaMedium(scan, post) ? null : preAttribution(text, w.lower, q.open, lex, w.sOpen.start, find);
  if (pre && post) post = null;
  const att = post ?? pre;
  if (!att) return undefined;
  const ok = n >= MIN_FREE_WORDS || att.mode !== "embedded" || att.verb.verb.embed;
  if (!ok) return null;
  // "Calling it a “despicable attack,” Biden said, …": an opening participle's subject follows the quote
  const opener = att === pre && !att.verb.verb.prep && att.verb.start === w.sOpen.start && /^\p{Lu}/u.test(att.verb.text);
  if (!opener) return pendingOf(att.verb.start, "quote", att, content, w.sOpen);
  const fwd: Attribution = { mode: att.mode, verb: att.verb, speaker: { start: q.close + 1, end: Math.min(w.sClose.end, q.close + 120) }, full: false, pronoun: att.pronoun };
  return pendingOf(att.verb.start, "quote", fwd, content, w.sOpen, null, true);
}

/** "Biden: “We will hold those responsible …”" — a name and a colon before the quote. */
function colonLead(scan: QuoteScan, q: QuoteSpan, sOpen: Span, content: Span): Pending | null {
  const lead = /^\s*([^,;:.!?“”"«»]{2,60}?)\s*:\s*$/u.exec(scan.text.slice(sOpen.start, q.open));
  if (!lead || !namesOf(scan).some((m) => m.start >= sOpen.start && m.end <= q.open)) return null;
  const start = sOpen.start + lead.index + lead[0].indexOf(lead[1]);
  const sp = { start, end: start + lead[1].length };
  const colon: Attribution = { mode: "direct", verb: { start: sp.end, end: sp.end + 1, text: ":", verb: COLON }, speaker: sp, full: true, pronoun: null };
  return pendingOf(sp.start, "quote", colon, content, sOpen);
}

/** "… said in a statement:" ¶ "…"  — the sentence before the quote ends with a colon and holds the verb. */
function colonBefore(scan: QuoteScan, q: QuoteSpan, content: Span): Pending | null {
  const { text, lex, find } = scan;
  const beforeText = text.slice(Math.max(0, q.open - 3), q.open);
  if (!/:\s*$/.test(text.slice(Math.max(0, q.open - 4), q.open)) && !(/\n\s*$/.test(beforeText) && /:\s*$/.test(text.slice(0, q.open).trimEnd()))) return null;
  const colon = text.slice(0, q.open).trimEnd().length;
  const s = scan.sentenceAt(colon - 1);
  const a = preAttribution(text, s.start, colon, lex, undefined, find);
  return a ? pendingOf(a.verb.start, "quote", a, content, s) : null;
}

/** The pending attribution of one quote, or null. */
function quotePending(scan: QuoteScan, q: QuoteSpan, n: number, w: QuoteWindow): Pending | null {
  const content: Span = { start: q.start, end: q.end };
  const byVerb = verbAttributed(scan, q, n, w, content);
  if (byVerb !== undefined) return byVerb;
  const lead = colonLead(scan, q, w.sOpen, content);
  if (lead) return lead;
  if (n < MIN_FREE_WORDS) return null;
  const before = colonBefore(scan, q, content);
  if (before) return before;
  // a quote that opens its sentence with no verb of its own continues the previous speaker's words
  return scan.text.slice(w.sOpen.start, q.open).trim() ? null : pendingOf(q.open, "continue", null, content, w.sOpen);
}

/** The pending attributions of the quotes, in order. */
function quotesPending(scan: QuoteScan, spans: readonly QuoteSpan[], pending: Pending[]): void {
  let prevLong: QuoteSpan | null = null;
  for (let i = 0; i < spans.length; i++) {
    const q = spans[i];
    const n = countWords(scan.text, q.start, q.end);
    const w = quoteWindow(scan, q, spans[i + 1], prevLong);
    if (n >= 4) prevLong = q;
    const p = quotePending(scan, q, n, w);
    if (p) pending.push(p);
  }
}

/**
 * Unmarked speech after a colon: "وقالت الميليشيا في بيان: هاجم عناصرنا …", "Biden said in a statement: We will …".
 * The first colon at or after the sentence start is looked up again only when the sentence has passed it.
 */
function colonSpeech(scan: QuoteScan, quoted: readonly Span[], pending: Pending[]): void {
  const { text, lex, find } = scan;
  let colonAt = -2;
  let from = -1;
  for (const s of scan.doc.sentences ?? []) {
    if (colonAt === -2 || s.start < from || (colonAt >= 0 && colonAt < s.start)) colonAt = text.indexOf(":", s.start);
    from = s.start;
    if (colonAt < 0 || colonAt >= s.end || inRegions(scan.skip, s.start)) continue;
    const seg = text.slice(s.start, s.end);
    const c = seg.search(/:\s+[^\s“”"«»'‘]/u);
    if (c < 0 || quoteStartsIn(quoted, s)) continue;
    const colon = s.start + c;
    const a = preAttribution(text, s.start, colon + 1, lex, undefined, find);
    if (!a || a.verb.verb.prep || countWords(text, a.verb.end, colon, 13) > 12) continue;
    const content = { start: colon + 1 + (seg.slice(c + 1).length - seg.slice(c + 1).trimStart().length), end: s.end };
    while (content.end > content.start && /[\s.]/.test(text[content.end - 1])) content.end--;
    if (countWords(text, content.start, content.end) < MIN_FREE_WORDS) continue;
    pending.push(pendingOf(a.verb.start, "quote", a, content, s));
  }
}

/** Does a quotation start inside sentence s? */
function quoteStartsIn(quoted: readonly Span[], s: Span): boolean {
  for (let i = 0; i < quoted.length; i++) if (quoted[i].start >= s.start && quoted[i].start < s.end) return true;
  return false;
}

/** The first cite within [start, end). */
function citeWithin(cites: readonly Citation[], start: number, end: number): Citation | undefined {
  for (let i = 0; i < cites.length; i++) if (cites[i].start >= start && cites[i].end <= end) return cites[i];
  return undefined;
}

/** Indirect speech of every sentence outside skipped regions. */
function claimsPending(scan: QuoteScan, quoted: readonly Span[], pending: Pending[]): void {
  for (const s of scan.doc.sentences ?? []) {
    if (inRegions(scan.skip, s.start)) continue;
    for (const c of findClaims(scan.text, s, scan.lex, quoted, scan.find)) pending.push(pendingOf(c.verb.start, "claim", c.attribution, c.content, s, c.quotedBy));
  }
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
  const media: Span[] = [...cites];
  for (const e of doc.entities ?? []) if (e.type === "media") for (const m of e.mentions) media.push(m);
  const scan: QuoteScan = { doc, text, lex, sentenceAt: sentenceIndex(doc), skip: skippedRegions(doc), find: verbFinder(text, lex, words), media, names: null };
  const spans = quoteSpans(scan);
  const pending: Pending[] = [];
  quotesPending(scan, spans, pending);
  const quoted = objectList<Span>();
  for (const q of spans) quoted.push({ start: q.open, end: q.close });
  colonSpeech(scan, quoted, pending);
  claimsPending(scan, quoted, pending);
  // nothing attributed: no speaker to resolve (the resolver's mentions and the chains are not built)
  if (!pending.length) return { quotes: [], claims: [] };
  pending.sort((a, b) => a.anchor - b.anchor || (a.kind === "claim" ? 1 : -1));
  return resolvePending(scan, pending, titles, cites, quoted, words);
}

/** The speakers of the pending attributions, resolved in text order, and the quotes and claims they make. */
function resolvePending(scan: QuoteScan, pending: readonly Pending[], titles: ReadonlySet<string>, cites: readonly Citation[], quoted: readonly Span[], words: Words | undefined): { quotes: Quote[]; claims: Claim[] } {
  const { doc, text, lex, sentenceAt } = scan;
  const captions = scan.skip.filter((r) => r.kind === "caption");
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
    const cite = citeWithin(cites, p.sentence.start, p.sentence.end) ?? (p.quotedBy ? citeWithin(cites, p.quotedBy.start, p.quotedBy.end + 40) : undefined);
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
