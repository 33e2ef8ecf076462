/** A stretch of an HTML original that is markup, not article text. */
export interface MarkupRange {
  readonly start: number;
  readonly end: number;
  /** A tag that ends a block (</p>, <br>, </h1>…): rendered as a line break when markup is hidden. */
  readonly block: boolean;
  /** A character reference (&amp;, &#8217;): rendered as the character it stands for. */
  readonly char?: string;
}

const HIDDEN_ELEMENTS = /^(head|script|style|noscript|template|svg|nav|footer)$/i;
const BLOCK = /^(p|div|h[1-6]|li|ul|ol|br|tr|table|article|section|header|blockquote|figure|figcaption|pre|hr|dd|dt)$/i;
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", mdash: "—", ndash: "–", hellip: "…",
  rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", laquo: "«", raquo: "»", copy: "©", eacute: "é", egrave: "è",
  ecirc: "ê", agrave: "à", acirc: "â", ccedil: "ç", ocirc: "ô", icirc: "î", ucirc: "û", uuml: "ü", euml: "ë", iuml: "ï",
  Eacute: "É", shy: "", zwnj: "\u200c", zwj: "\u200d", lrm: "", rlm: "",
};

/** Whether an original looks like an HTML page (its spans index into the source, markup included). */
export function looksLikeHtml(file: string, text: string): boolean {
  return /\.html?$/i.test(file) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

/**
 * The markup of an HTML original as ranges, for showing only its text while keeping every offset:
 * tags, comments, the insides of head/script/style/nav/footer, and character references (shown decoded).
 * A plain scanner, not a parser: the text is never handed to the browser's HTML parser.
 */
export function markupRanges(html: string): MarkupRange[] {
  const out: MarkupRange[] = [];
  const re = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>?|<![^>]*>?|&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const whole = m[0];
    if (whole.startsWith("&")) {
      const ref = m[2];
      let ch: string | undefined;
      if (ref.startsWith("#x")) ch = safeChar(parseInt(ref.slice(2), 16));
      else if (ref.startsWith("#")) ch = safeChar(parseInt(ref.slice(1), 10));
      else ch = NAMED[ref];
      if (ch !== undefined) out.push({ start: m.index, end: m.index + whole.length, block: false, char: ch });
      continue;
    }
    const name = m[1] ?? "";
    const closing = whole.startsWith("</");
    let end = m.index + whole.length;
    if (!closing && HIDDEN_ELEMENTS.test(name) && !whole.endsWith("/>")) {
      // Hide the element's whole content up to its closing tag (or the end of the text).
      const close = new RegExp(`</${name}\\s*>`, "ig");
      close.lastIndex = end;
      const c = close.exec(html);
      end = c ? c.index + c[0].length : html.length;
      re.lastIndex = end;
    }
    out.push({ start: m.index, end, block: BLOCK.test(name) || HIDDEN_ELEMENTS.test(name) });
  }
  return out;
}

function safeChar(code: number): string | undefined {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}
