import type { AsideBlock, Citation, Credit, Metadata, OutletRef } from "../../core/doc.js";
import { objectList } from "../../core/object-list.js";
import type { Context } from "../../core/context.js";
import type { Stage } from "../../core/stage.js";
import { loadKb } from "../../kb/load-kb.js";
import type { KnowledgeBase } from "../../kb/knowledge-base.js";
import { loadCleanPatterns } from "../clean/clean-patterns.js";
import { datelinePatterns, findDateline, type MonthIndex } from "./find-dateline.js";

/** Month names of every language folder (datelines come before language detection). */
function monthIndex(ctx: Context): MonthIndex {
  return ctx.resource("month-index", () => {
    const m = new Map<string, number>();
    for (const iso of ["en", "fr", "ar"]) for (const row of ctx.lang(iso).table("months")) for (const name of row.slice(1)) m.set(name.toLowerCase(), Number(row[0]));
    return m;
  });
}

function outletRef(kb: KnowledgeBase, clue: string | null | undefined): OutletRef | null {
  if (!clue) return null;
  const e = kb.findOutlet(clue);
  if (!e) return null;
  return { name: e.name, aliases: e.aliases.filter((a) => a !== e.name), kb: e.id };
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/** The first link line that is not an image's address. */
function pageLink(aside: readonly AsideBlock[] | undefined): string | undefined {
  for (const a of aside ?? []) if (a.kind === "link" && !/\.(jpe?g|png|gif|webp|svg)(\?|$)/i.test(a.text)) return a.text;
  return undefined;
}

/** Metadata: title, outlet, the article's URL, dateline, agency and photo credits, date clues. */
export const metadataStage: Stage = {
  name: "metadata",
  version: "0.1.0",
  requires: ["text"],
  provides: ["meta"],
  run(doc, ctx) {
    const kb = ctx.resource("kb", loadKb);
    const months = monthIndex(ctx);
    const patterns = ctx.resource("dateline-patterns", () => datelinePatterns(months));
    const clean = ctx.resource("clean-patterns", loadCleanPatterns);
    const text = doc.text;
    const regions = doc.regions ?? [];

    const titleRegion = regions.find((r) => r.kind === "title") ?? null;
    const title = doc.source.title?.trim() || (titleRegion ? text.slice(titleRegion.start, titleRegion.end).trim() : null);

    // (the text is searched for a URL only when the record and the link lines give none)
    const url = doc.source.url ?? pageLink(doc.aside) ?? /https?:\/\/[^\s<>"')\]]+/.exec(text)?.[0] ?? null;

    const paragraphStarts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) if (text[i + 1] && text[i + 1] !== "\n") paragraphStarts.push(i + 1);
    const bodyStarts = paragraphStarts.filter((s) => !regions.some((r) => r.start <= s && s < r.end && r.kind !== "heading"));
    const dateline = findDateline(text, bodyStarts, months, patterns);

    // (objectLists: the lists this stage makes, empty or not, have one array map for their readers)
    const credits = objectList<Credit>();
    for (const r of regions.filter((x) => x.kind === "caption")) {
      const cap = text.slice(r.start, r.end);
      for (const re of clean.photoCredits) {
        const m = re.exec(cap);
        if (m) {
          const name = m[1].replace(/[*_]+/g, "").trim();
          credits.push({ kind: "photo", name, start: r.start + m.index, end: r.start + m.index + m[0].length, text: m[0] });
        }
      }
    }
    if (dateline?.credit) credits.push({ kind: "agency", name: dateline.credit, start: dateline.start, end: dateline.end, text: dateline.text });

    // Outlet, most trusted clue first: the record's own field, the URL's host, the dateline credit, the signature line.
    // (each clue is worked out only when the ones before it name no known outlet: the URL's host is a URL parse)
    let outlet: OutletRef | null = outletRef(kb, doc.source.outlet);
    for (let k = 1; !outlet && k < 5; k++) {
      const c =
        k === 1 ? hostOf(url)
        : k === 2 ? (dateline?.place && dateline.credit ? dateline.place : null)
        : k === 3 ? dateline?.credit
        : (doc.aside ?? []).find((a) => a.kind === "signature")?.text;
      outlet = outletRef(kb, c);
    }
    if (!outlet && doc.source.outlet) outlet = { name: doc.source.outlet, aliases: [], kb: null };

    const cites = objectList<Citation>();
    for (const c of credits) {
      const id = kb.findOutlet(c.name)?.id ?? null;
      if (id && id !== outlet?.kb) cites.push({ name: c.name, kb: id, start: c.start, end: c.end, text: c.text });
    }

    const dateClues: { value: string; source: string }[] = [];
    if (doc.source.published) dateClues.push({ value: doc.source.published, source: "record" });
    const u = url ? /\/(20\d\d|19\d\d)[/-](\d{1,2})(?:[/-](\d{1,2}))?\//.exec(url) : null;
    if (u) dateClues.push({ value: [u[1], u[2].padStart(2, "0"), u[3]?.padStart(2, "0")].filter(Boolean).join("-"), source: "url" });

    const meta: Metadata = { title, titleSpan: titleRegion, outlet, url: url ?? null, dateline, credits, cites, dateClues };
    return { ...doc, meta };
  },
};
