import type { ChainLink } from "../api/types";

/** An attribution chain, outermost first: outlet → cited outlet or agency → source → speaker. */
export function Chain({ chain }: { chain: readonly ChainLink[] }) {
  return (
    <span className="chain">
      {chain.map((c, i) => (
        <span key={i} className="link-part">
          {i > 0 && <span className="arrow"> → </span>}
          <span dir="auto">{c == null ? "?" : typeof c === "string" ? c : c.text || c.name || "?"}</span>
        </span>
      ))}
    </span>
  );
}
