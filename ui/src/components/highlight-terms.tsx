/** Plain text with the query's words marked: split into React text nodes, never parsed as HTML. */
export function HighlightTerms({ text, query }: { text: string; query: string }) {
  const words = [...new Set(query.split(/\s+/).map((w) => w.replace(/["*()]/g, "")).filter((w) => w.length > 1))];
  if (!words.length) return <>{text}</>;
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
  const parts = text.split(re);
  return (
    <>
      {parts.map((p, i) => (i % 2 ? <mark key={i}>{p}</mark> : p))}
    </>
  );
}
