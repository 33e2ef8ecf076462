/** A language code as a small badge ("AR"). */
export function LangBadge({ code }: { code: string | null | undefined }) {
  return <span className={`lang lang-${code ?? "xx"}`}>{(code ?? "?").toUpperCase()}</span>;
}
