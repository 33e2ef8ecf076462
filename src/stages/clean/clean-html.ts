import { Parser } from "htmlparser2";
import { TextBuilder } from "../../core/offset-map.js";
import type { CleanPatterns } from "./clean-patterns.js";
import type { CleanResult } from "./clean-text.js";

/** Page metadata found in the HTML head. */
export interface HtmlMeta {
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
}

const SKIP = new Set(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "template", "button", "select"]);
const BLOCK = new Set(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "tr", "figcaption", "figure", "td", "main"]);

/**
 * Extracts article text from an HTML page with offsets into the HTML source: text nodes outside
 * script/style/nav/header/footer are kept, block elements become paragraph breaks. (minimal; see issue 2)
 */
export function cleanHtml(raw: string, _patterns: CleanPatterns): CleanResult & { htmlMeta: HtmlMeta } {
  const b = new TextBuilder();
  let skipDepth = 0;
  let inTitle = false;
  let title = "";
  const meta: { url: string | null; published: string | null; siteName: string | null; ogTitle: string | null } = {
    url: null, published: null, siteName: null, ogTitle: null,
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skipDepth++;
        if (name === "title") inTitle = true;
        if (name === "meta") {
          const key = (attrs.property ?? attrs.name ?? "").toLowerCase();
          const v = attrs.content ?? null;
          if (key === "og:url") meta.url = v;
          if (key === "og:title") meta.ogTitle = v;
          if (key === "og:site_name") meta.siteName = v;
          if (key === "article:published_time" || key === "date" || key === "pubdate") meta.published = v;
        }
        if (name === "link" && (attrs.rel ?? "").toLowerCase() === "canonical" && attrs.href) meta.url = attrs.href;
        if (BLOCK.has(name) && b.length && b.last !== "\n") b.insert("\n\n", parser.startIndex);
      },
      onclosetag(name) {
        if (SKIP.has(name) && skipDepth > 0) skipDepth--;
        if (name === "title") inTitle = false;
        if (BLOCK.has(name) && b.length && b.last !== "\n") b.insert("\n\n", parser.startIndex);
      },
      ontext(t) {
        if (inTitle) {
          title += t;
          return;
        }
        if (skipDepth > 0 || !t.trim()) return;
        const start = parser.startIndex;
        if (/&[#a-z0-9]+;/i.test(t)) {
          const decoded = decodeEntities(t);
          b.insert(decoded.replace(/\s+/g, " "), start);
        } else {
          b.copy(raw, start, start + t.length);
        }
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(raw);
  parser.end();
  const { text, offsets } = b.build();
  const t = (meta.ogTitle ?? decodeEntities(title)).trim() || null;
  return {
    text,
    offsets,
    regions: [],
    aside: [],
    diagnostics: text.trim() ? [] : [{ severity: "warning", code: "W_NO_TEXT", stage: "clean", message: "no article text found in the HTML page" }],
    htmlMeta: { title: t, url: meta.url, published: meta.published, siteName: meta.siteName },
  };
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", ndash: "–", mdash: "—", hellip: "…" };

/** Decodes HTML character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}
