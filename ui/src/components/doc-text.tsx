import { useEffect, useMemo, useRef, type MouseEvent } from "react";
import { layerGroup } from "../lib/document-marks";
import { looksLikeHtml, markupRanges } from "../lib/markup-ranges";
import { segmentSpans, type Mark } from "../lib/segment-spans";

/**
 * An article's original text with its highlight marks. The text is only ever a React text child — escaped by
 * React, never parsed as HTML — so a hostile article shows as the characters it contains. Overlapping marks are
 * cut into flat segments; each segment carries the classes of every mark over it.
 *
 * For an HTML original the spans index into the page source; its markup is hidden (tags removed, character
 * references shown decoded, block tags as line breaks) unless `showMarkup` is set, and offsets stay exact.
 */
export function DocText({
  text,
  file,
  marks,
  hidden,
  selected,
  onSelect,
  dir,
  lang,
  showMarkup = false,
  className,
}: {
  text: string;
  file: string;
  marks: readonly Mark[];
  /** Layer groups switched off. */
  hidden: ReadonlySet<string>;
  /** The selected field's key; its marks are outlined and scrolled into view. */
  selected: string | null;
  onSelect?: (key: string | null) => void;
  dir: "ltr" | "rtl";
  lang?: string;
  showMarkup?: boolean;
  className?: string;
}) {
  const html = looksLikeHtml(file, text);
  const markup = useMemo(() => (html ? markupRanges(text) : []), [html, text]);
  const segments = useMemo(() => {
    const visible = marks.filter((m) => !hidden.has(layerGroup(m.layer)) || m.key === selected || m.layer === "field");
    const mk: Mark[] = markup.map((r, i) => ({ start: r.start, end: r.end, layer: "markup", key: `mk:${i}`, label: r.char ?? (r.block ? "\n" : "") }));
    return segmentSpans(text.length, [...visible, ...mk]);
  }, [text, marks, hidden, markup, selected]);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    const el = root.current?.querySelector(".sel");
    if (el) el.scrollIntoView({ block: "center", behavior: "auto" });
  }, [selected, segments]);
  const click = (e: MouseEvent<HTMLDivElement>) => {
    if (!onSelect) return;
    const el = (e.target as HTMLElement).closest("[data-i]");
    if (!el) return;
    const seg = segments[Number(el.getAttribute("data-i"))];
    // The most specific field under the pointer: the shortest mark.
    const best = [...seg.marks].filter((m) => m.layer !== "markup").sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    onSelect(best ? best.key : null);
  };
  return (
    <div ref={root} className={`doc-text${html && !showMarkup ? " html" : ""}${className ? ` ${className}` : ""}`} dir={dir} lang={lang} onClick={click}>
      {segments.map((s, i) => {
        const piece = text.slice(s.start, s.end);
        const mk = s.marks.find((m) => m.layer === "markup");
        if (mk && !showMarkup) {
          // Hidden markup: a character reference shows as its character, a block tag as a break, the rest as nothing.
          if (s.start !== mk.start) return null;
          if (mk.label === "\n") return <span key={i} className="brk" />;
          if (!mk.label) return null;
          return renderSeg(i, mk.label, s.marks, selected);
        }
        if (mk) return <span key={i} className="src">{piece}</span>;
        return s.marks.length ? renderSeg(i, piece, s.marks, selected) : piece;
      })}
    </div>
  );
}

function renderSeg(i: number, piece: string, marks: readonly Mark[], selected: string | null) {
  const cls = new Set<string>(["m"]);
  const titles: string[] = [];
  for (const m of marks) {
    if (m.layer === "markup") continue;
    cls.add(`m-${m.layer}`);
    if (m.tone) cls.add(m.tone);
    if (selected && m.key === selected) cls.add("sel");
    if (m.label && !titles.includes(m.label)) titles.push(m.label);
  }
  if (marks.every((m) => m.layer === "markup")) return piece;
  return (
    <span key={i} data-i={i} className={[...cls].join(" ")} title={titles.join("\n")}>
      {piece}
    </span>
  );
}
