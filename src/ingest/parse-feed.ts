import { parseHTML } from "linkedom";

/** One entry of an RSS or Atom feed. */
export interface FeedEntry {
  readonly link: string | null;
  readonly title: string | null;
  readonly published: string | null;
}

/** Reads the entries of an RSS 2.0 or Atom feed. */
export function parseFeed(xml: string): FeedEntry[] {
  const { document } = parseHTML(xml.replace(/<\?xml[^>]*>/, ""));
  const out: FeedEntry[] = [];
  const text = (el: Element | null) => (el?.textContent ?? "").trim() || null;
  for (const item of Array.from(document.querySelectorAll("item"))) {
    // linkedom parses <link> as a void HTML element, so the URL lands in the following text node.
    const linkEl = item.querySelector("link");
    const link = text(linkEl) ?? (linkEl?.nextSibling?.textContent ?? "").trim() ?? null;
    out.push({ link: link || text(item.querySelector("guid")), title: text(item.querySelector("title")), published: text(item.querySelector("pubDate")) });
  }
  for (const entry of Array.from(document.querySelectorAll("entry"))) {
    const linkEl = entry.querySelector("link[rel=alternate]") ?? entry.querySelector("link");
    out.push({
      link: linkEl?.getAttribute("href") ?? null,
      title: text(entry.querySelector("title")),
      published: text(entry.querySelector("published")) ?? text(entry.querySelector("updated")),
    });
  }
  return out;
}
