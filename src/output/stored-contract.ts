import type { NewsStore } from "../store/news-store.js";
import type { ContractOutput } from "./to-contract.js";

/** The stored situation in the contract's shape (documents, stories newest first). */
export async function storedContract(store: NewsStore, opts: { limitStories?: number } = {}): Promise<ContractOutput> {
  const stories = await store.listStories({ limit: opts.limitStories });
  const ids = opts.limitStories ? stories.flatMap((s) => s.documents) : undefined;
  const documents = await store.getDocuments(ids);
  const fileOf = new Map(documents.map((d) => [d.id, d.file]));
  const f = (id: string) => fileOf.get(id) ?? id;
  return {
    documents,
    stories: stories.map((s) => ({
      id: s.id,
      title: s.title,
      documents: s.documents.map(f),
      relations: s.relations.map((r) => ({ ...r, from: f(r.from), to: f(r.to) })),
      ...(s.events ? { events: [...s.events] } : {}),
    })),
    failures: [],
  };
}
