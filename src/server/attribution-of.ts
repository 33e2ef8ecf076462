import type { ContractDocument } from "../output/to-contract.js";
import type { Attribution } from "./schemas.js";

type Slot = { entity: string | null; text: string } | null;
type En = { id: string; kb: string | null };

/**
 * Who a document says it got its news from: its outlet, the sources it cites, and for each claim or quote that has
 * one, the chain of attribution (outlet → agency → source → speaker) with KB ids where the names are linked.
 */
export function attributionOf(doc: ContractDocument): Attribution {
  const kbOf = new Map((doc.entities as En[]).map((e) => [e.id, e.kb]));
  const link = (s: Slot) => (s ? [{ entity: s.entity, text: s.text, kb: s.entity ? kbOf.get(s.entity) ?? null : null }] : []);
  const chains: Attribution["chains"] = [];
  for (const c of doc.claims as { content: { start: number; end: number; text?: string }; chain?: Slot[] }[]) {
    if (c.chain?.length) chains.push({ kind: "claim", text: c.content.text ?? "", start: c.content.start, end: c.content.end, chain: c.chain.flatMap(link) });
  }
  for (const q of doc.quotes as { text: string; start: number; end: number; speaker?: Slot; chain?: Slot[] }[]) {
    const chain = q.chain?.length ? q.chain : q.speaker ? [q.speaker] : [];
    if (chain.length) chains.push({ kind: "quote", text: q.text, start: q.start, end: q.end, chain: chain.flatMap(link) });
  }
  return { doc: doc.id, file: doc.file, outlet: doc.outlet?.name ?? null, cites: doc.cites, chains };
}
