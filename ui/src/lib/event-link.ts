/** The document view at one event's evidence. */
export function eventLink(docId: string, index: number): string {
  return `/documents/${encodeURIComponent(docId)}?sel=ev:${index}`;
}
