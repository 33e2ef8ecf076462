/** A highlighted span of the original text: which layer it belongs to and which field it stands for. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  /** entity | date | event | trigger | quote | claim | framing | markup … */
  readonly layer: string;
  /** The field it belongs to ("ev:2", "ent:e4", "q:0"): what clicking selects. */
  readonly key: string;
  /** A short label for the tooltip. */
  readonly label: string;
  /** An extra CSS class (entity type, event status). */
  readonly tone?: string;
}

/** A run of text covered by the same set of marks. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly marks: readonly Mark[];
}

/**
 * Cuts [0, length) into segments at every mark boundary, so overlapping and nested spans render as flat runs
 * with all the marks that cover each run: "killed [three [US] soldiers]" → "killed ", "three ", "US", " soldiers".
 * Marks outside the text are clipped; empty or inverted ones are dropped.
 */
export function segmentSpans(length: number, marks: readonly Mark[]): Segment[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, Math.min(length, m.start)), end: Math.max(0, Math.min(length, m.end)) }))
    .filter((m) => Number.isFinite(m.start) && Number.isFinite(m.end) && m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: marks sorted by start enter the active set; those ending at a cut leave it.
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const active: Mark[] = [];
  const out: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    for (let j = active.length - 1; j >= 0; j--) if (active[j].end <= a) active.splice(j, 1);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next++;
    }
    if (b > a) out.push({ start: a, end: b, marks: [...active] });
  }
  return out;
}
