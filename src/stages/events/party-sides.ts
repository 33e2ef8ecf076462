import type { KnowledgeBase } from "../../kb/knowledge-base.js";

/** Relations that make a party act for another: a spokesman for his ministry, a unit for its army, an army for its state. */
const UPWARD = ["leader of", "member of", "part of"];

/**
 * For each KB party, the chain of parties it acts for, itself first: Abu Hussein al-Hamidawi → Kata'ib Hezbollah →
 * Islamic Resistance in Iraq → …; US forces → United States. Two reports whose parties share the last link speak
 * of one side ("Al-Hamidawi announced the suspension" and "Kataib Hezbollah suspends operations").
 */
export function partySides(kb: KnowledgeBase): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const e of kb.all()) {
    const chain = [e.id];
    for (let cur = e; chain.length < 6; ) {
      const up = UPWARD.map((r) => cur.relations?.find((x) => x.rel === r)).find((x) => !!x);
      const next = up ? kb.get(up.target) : undefined;
      if (!next || chain.includes(next.id)) break;
      chain.push(next.id);
      cur = next;
    }
    if (chain.length > 1) out.set(e.id, chain);
  }
  return out;
}

/** KB armed groups that are a state's forces (their chain ends in a state): "the group", "the militia" never stand for them. */
export function stateForces(kb: KnowledgeBase, sides: ReadonlyMap<string, readonly string[]>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const [id, chain] of sides) if (kb.get(id)?.type === "armed_group" && kb.get(chain[chain.length - 1])?.type === "state") out.add(id);
  return out;
}
