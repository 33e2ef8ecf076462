import { wordTableGeneration } from "./word-table.js";

/**
 * One byte per word-table id, of the table's current generation: what a pass found out about a word, kept from article
 * to article (0 until set), all cleared when the table starts again (its ids then name other words). The passes that
 * test every token against a lexicon read it by the token's word id, without visiting the word's object (a scattered
 * object per word: a cache miss per token).
 */
export class WordBytes {
  private bytes: Uint8Array;
  private generation = -1;

  constructor(size = 4096) {
    this.bytes = new Uint8Array(size);
  }

  /** The bytes of the current generation, with room for word id `id`: read and write `[id]` of what it returns. */
  for(id: number): Uint8Array {
    if (this.generation !== wordTableGeneration()) this.clear();
    if (id >= this.bytes.length) {
      // (grown by doubling: ids are handed out from 0 up)
      const grown = new Uint8Array(Math.max(id + 1, 2 * this.bytes.length));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    return this.bytes;
  }

  /** Forgets every byte (the answers were about another lexicon or trie). */
  clear(): void {
    this.bytes.fill(0);
    this.generation = wordTableGeneration();
  }
}
