/** "killed 3 · injured 30 · munitions 10" from an event's counts. */
export function EventCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).filter(([, v]) => typeof v === "number");
  if (!entries.length) return null;
  return (
    <span className="counts">
      {entries.map(([k, v], i) => (
        <span key={k}>
          {i > 0 && " · "}
          {k} <strong>{v}</strong>
        </span>
      ))}
    </span>
  );
}
