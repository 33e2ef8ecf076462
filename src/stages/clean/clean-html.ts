import { Readability } from "@mozilla/readability";
import { Parser } from "htmlparser2";
import { parseHTML } from "linkedom";
import type { Diagnostic, Region } from "../../core/doc.js";
import { TextBuilder } from "../../core/offset-map.js";
import { matchesAny, type CleanPatterns } from "./clean-patterns.js";
import type { CleanResult } from "./clean-text.js";

/** Page metadata found in the HTML head. */
export interface HtmlMeta {
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
}

const SKIP = new Set(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "template", "button", "select", "head"]);
const BLOCK = new Set(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "tr", "figcaption", "figure", "td", "main", "ul", "ol", "table", "hr"]);
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi;

/** One block of text as found in the page, with its builder range. */
interface Block {
  start: number;
  end: number;
  tag: string;
}

/** Text content Readability keeps as the article (whitespace folded), or null when it finds no article. */
function readabilityText(raw: string): string | null {
  try {
    const { document } = parseHTML(raw);
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    const t = article?.textContent?.replace(/\s+/g, " ").trim();
    return t && t.length > 200 ? t : null;
  } catch {
    return null;
  }
}

/**
 * Extracts article text from an HTML page with offsets into the HTML source. htmlparser2 walks the page and keeps text
 * outside script/style/nav/header/footer; entities are decoded piece by piece so spans stay exact; block elements
 * become paragraphs; when Readability (over linkedom) finds an article, blocks outside it are dropped as boilerplate.
 */
export function cleanHtml(raw: string, patterns: CleanPatterns): CleanResult & { htmlMeta: HtmlMeta } {
  const b = new TextBuilder();
  const diagnostics: Diagnostic[] = [];
  const blocks: Block[] = [];
  const stack: string[] = [];
  let skipDepth = 0;
  let inTitle = false;
  let title = "";
  let h1: string | null = null;
  let blockStart = 0;
  let blockTag = "p";
  const meta: { url: string | null; published: string | null; siteName: string | null; ogTitle: string | null } = { url: null, published: null, siteName: null, ogTitle: null };

  const endBlock = (at: number) => {
    b.trimEnd(/[ \t]/);
    if (b.length > blockStart) {
      blocks.push({ start: blockStart, end: b.length, tag: blockTag });
      b.insert("\n\n", at);
    }
    blockStart = b.length;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (SKIP.has(name)) skipDepth++;
        if (name === "title") inTitle = true;
        if (name === "meta") {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? "").toLowerCase();
          const v = attrs.content ?? null;
          if (key === "og:url" && !meta.url) meta.url = v;
          if (key === "og:title") meta.ogTitle = v;
          if (key === "og:site_name") meta.siteName = v;
          if (["article:published_time", "date", "pubdate", "datepublished", "dc.date"].includes(key) && !meta.published) meta.published = v;
        }
        if (name === "link" && (attrs.rel ?? "").toLowerCase() === "canonical" && attrs.href) meta.url = attrs.href;
        if (name === "time" && attrs.datetime && !meta.published) meta.published = attrs.datetime;
        if (BLOCK.has(name) && skipDepth === 0) {
          endBlock(parser.startIndex);
          blockTag = name;
        }
      },
      onclosetag(name) {
        stack.pop();
        if (SKIP.has(name) && skipDepth > 0) skipDepth--;
        if (name === "title") inTitle = false;
        if (BLOCK.has(name) && skipDepth === 0) {
          if (name === "h1" && h1 === null) {
            const last = blocks.length ? blocks[blocks.length - 1] : null;
            const t = b.build().text.slice(blockStart).trim();
            h1 = t || (last ? null : null);
          }
          endBlock(parser.startIndex);
        }
      },
      ontext(t) {
        if (inTitle) {
          title += t;
          return;
        }
        if (skipDepth > 0 || !t.trim()) {
          if (skipDepth === 0 && t.length && b.length > blockStart && b.last !== " ") b.insert(" ", parser.startIndex);
          return;
        }
        const start = parser.startIndex;
        // Copy verbatim runs; decode each entity in place; fold whitespace runs with a newline into one space.
        let i = 0;
        const pieces = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);|\s*\n\s*/gi;
        for (const m of t.matchAll(pieces)) {
          const at = m.index!;
          if (at > i) b.copy(raw, start + i, start + at);
          if (m[0].startsWith("&")) b.insert(decodeEntities(m[0]), start + at);
          else if (b.length > blockStart && b.last !== " ") b.insert(" ", start + at);
          i = at + m[0].length;
        }
        if (i < t.length) b.copy(raw, start + i, start + t.length);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  try {
    parser.write(raw);
    parser.end();
  } catch (e) {
    diagnostics.push({ severity: "warning", code: "W_HTML", stage: "clean", message: `HTML parse stopped early: ${(e as Error).message}` });
  }
  endBlock(raw.length);
  const built = b.build();

  // Keep the blocks Readability counts as the article; drop boilerplate lines everywhere.
  const article = readabilityText(raw);
  const fold = (s: string) => s.replace(/\s+/g, " ").trim();
  const keep = blocks.filter((bl) => {
    const t = fold(built.text.slice(bl.start, bl.end));
    if (!t || matchesAny(patterns.boilerplate, patterns.anyBoilerplate, t)) return false;
    if (bl.tag === "h1") return true;
    return !article || article.includes(t) || t.length < 3;
  });
  // Rebuild the text from the kept blocks, mapping through the first map to the HTML source.
  const out = new TextBuilder();
  const regions: Region[] = [];
  for (const bl of keep) {
    if (out.length) out.insert("\n\n", built.offsets.toOriginal(bl.start));
    const s = out.length;
    // Copy verbatim runs through the first map; a decoded character is inserted at its entity's position.
    let i = bl.start;
    while (i < bl.end) {
      const o = built.offsets.toOriginal(i);
      if (raw[o] !== built.text[i]) {
        out.insert(built.text[i], o);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < bl.end && built.offsets.toOriginal(j) === o + (j - i) && raw[o + (j - i)] === built.text[j]) j++;
      out.copy(raw, o, o + (j - i));
      i = j;
    }
    if (bl.tag === "h1") regions.push({ kind: "title", start: s, end: out.length });
    else if (/^h[2-6]$/.test(bl.tag)) regions.push({ kind: "heading", start: s, end: out.length });
    else if (bl.tag === "figcaption") regions.push({ kind: "caption", start: s, end: out.length });
    else if (bl.end - bl.start <= 250 && matchesAny(patterns.bylines, patterns.anyByline, built.text.slice(bl.start, bl.end).trim())) regions.push({ kind: "byline", start: s, end: out.length });
  }
  const { text, offsets } = out.build();
  const pageTitle = decodeEntities(title).trim();
  const site = meta.siteName;
  const stripped = site ? pageTitle.replace(new RegExp(`\\s*[|–—-]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`), "") : pageTitle;
  if (!text.trim()) diagnostics.push({ severity: "warning", code: "W_NO_TEXT", stage: "clean", message: "no article text found in the HTML page" });
  return {
    text,
    offsets,
    regions,
    aside: [],
    diagnostics,
    htmlMeta: { title: (h1 ?? meta.ogTitle ?? stripped) || null, url: meta.url, published: meta.published, siteName: site },
  };
}

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“",
  ndash: "–", mdash: "—", hellip: "…", laquo: "«", raquo: "»", eacute: "é", egrave: "è", agrave: "à", ccedil: "ç", copy: "©",
};

/** Decodes HTML character references ("&rsquo;" → "’", "&#1576;" → "ب"); unknown names are left as written. */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}
